using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.OpenApi;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.Billing.Features.VoidInvoice;

internal static class VoidInvoiceEndpoint
{
    public static void MapVoidInvoice(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/billing/invoices/{invoiceId:guid}/void", async (Guid invoiceId, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new VoidInvoiceCommand(invoiceId), cancellationToken)))
            .WithSummary("Void an invoice that was not sent")
            .Refuses(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .RequireAnyRole(Roles.BillingOperator);
}
