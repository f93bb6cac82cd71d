using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.Billing.Features.Dispatching;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.OpenApi;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.Billing.Features.RetryDispatch;

internal static class RetryDispatchEndpoint
{
    public static void MapRetryDispatch(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/billing/dispatches/{dispatchId:guid}/retry", async (
                Guid dispatchId, bool? includeUnknown, IMediator mediator, DispatchSignal signal, CancellationToken cancellationToken) =>
            {
                var dispatch = await mediator.Send(new RetryDispatchCommand(dispatchId, includeUnknown ?? false), cancellationToken);
                signal.Wake();
                return TypedResults.Accepted($"/api/billing/dispatches/{dispatch.Id}", dispatch);
            })
            .WithSummary("Retry a dispatch's failed invoices (sent ones stay sent)")
            .Refuses(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .RequireAnyRole(Roles.BillingOperator);
}
