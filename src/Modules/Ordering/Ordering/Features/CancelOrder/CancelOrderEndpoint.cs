using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Security;

namespace Modular.Ordering.Features.CancelOrder;

internal static class CancelOrderEndpoint
{
    public static void MapCancelOrder(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/ordering/orders/{orderId:guid}/cancel", async (Guid orderId, ICurrentUser user, IMediator mediator, CancellationToken cancellationToken) =>
            Results.Ok(await mediator.Send(new CancelOrderCommand(orderId, user.UserId), cancellationToken)))
            .RequireAuthorization(Roles.Customer);
}
