using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Web.OpenApi;
using Modular.BuildingBlocks.Application.Security;

namespace Modular.Ordering.Features.CancelOrder;

internal static class CancelOrderEndpoint
{
    public static void MapCancelOrder(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/ordering/orders/{orderId:guid}/cancel", async (Guid orderId, ICurrentUser user, IMediator mediator, CancellationToken cancellationToken) =>
            TypedResults.Ok(await mediator.Send(new CancelOrderCommand(orderId, user.UserId), cancellationToken)))
            .WithSummary("Cancel one's own order")
            .Refuses(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .RequireAuthorization(Roles.Customer);
}
