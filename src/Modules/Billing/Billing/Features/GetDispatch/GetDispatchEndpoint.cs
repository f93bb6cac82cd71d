using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.OpenApi;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.Billing.Features.GetDispatch;

internal static class GetDispatchEndpoint
{
    public static void MapGetDispatch(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/billing/dispatches/{dispatchId:guid}", async (Guid dispatchId, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new GetDispatchQuery(dispatchId), cancellationToken)))
            .WithSummary("Get a dispatch's progress (done, failed, left)")
            .Refuses(StatusCodes.Status404NotFound)
            .RequireAnyRole(Roles.BillingOperator);
}
