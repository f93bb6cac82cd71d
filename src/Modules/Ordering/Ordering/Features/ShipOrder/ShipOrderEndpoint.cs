using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.Ordering.Features.ShipOrder;

internal static class ShipOrderEndpoint
{
    public static void MapShipOrder(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/ordering/orders/{orderId:guid}/ship", async (Guid orderId, IMediator mediator, CancellationToken cancellationToken) =>
            Results.Ok(await mediator.Send(new ShipOrderCommand(orderId), cancellationToken)))
            .RequireAnyRole(Roles.MerchantAdmin);
}
