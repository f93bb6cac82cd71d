using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Web.OpenApi;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.Billing.Features.GetInvoicePdf;

internal static class GetInvoicePdfEndpoint
{
    public static void MapGetInvoicePdf(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/billing/invoices/{invoiceId:guid}/pdf", async (Guid invoiceId, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var pdf = await mediator.Send(new GetInvoicePdfQuery(invoiceId), cancellationToken);
                return TypedResults.File(pdf.Content, "application/pdf", pdf.FileName);
            })
            .WithSummary("Download an invoice as PDF (rendered on the server)")
            .Produces<byte[]>(StatusCodes.Status200OK, "application/pdf")
            .Refuses(StatusCodes.Status404NotFound)
            .RequireAnyRole(BillingRoles.InvoiceReaders);
}
