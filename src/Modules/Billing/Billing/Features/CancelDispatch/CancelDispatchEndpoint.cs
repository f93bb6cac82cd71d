using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.OpenApi;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.Billing.Features.CancelDispatch;

internal static class CancelDispatchEndpoint
{
    public static void MapCancelDispatch(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/billing/dispatches/{dispatchId:guid}/cancel", async (Guid dispatchId, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new CancelDispatchCommand(dispatchId), cancellationToken)))
            .WithSummary("Cancel a running dispatch (sent invoices stay sent)")
            .Refuses(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .RequireAnyRole(Roles.BillingOperator);
}
