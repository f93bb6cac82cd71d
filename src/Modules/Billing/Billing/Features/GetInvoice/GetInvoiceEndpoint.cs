using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Web.OpenApi;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.Billing.Features.GetInvoice;

internal static class GetInvoiceEndpoint
{
    public static void MapGetInvoice(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/billing/invoices/{invoiceId:guid}", async (Guid invoiceId, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new GetInvoiceQuery(invoiceId), cancellationToken)))
            .WithSummary("Get an invoice with its lines")
            .Refuses(StatusCodes.Status404NotFound)
            .RequireAnyRole(BillingRoles.InvoiceReaders);
}
