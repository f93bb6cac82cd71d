using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.OpenApi;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.Billing.Features.GetDispatchInvoices;

internal static class GetDispatchInvoicesEndpoint
{
    public static void MapGetDispatchInvoices(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/billing/dispatches/{dispatchId:guid}/invoices", async (
                Guid dispatchId, string? status, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new GetDispatchInvoicesQuery(dispatchId, status), cancellationToken)))
            .WithSummary("List each invoice's outcome in a dispatch (sent, or failed with its reason)")
            .Refuses(StatusCodes.Status404NotFound)
            .RequireAnyRole(Roles.BillingOperator);
}
