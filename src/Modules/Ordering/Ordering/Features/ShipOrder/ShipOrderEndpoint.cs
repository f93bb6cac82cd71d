using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.OpenApi;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.Ordering.Features.ShipOrder;

internal static class ShipOrderEndpoint
{
    public static void MapShipOrder(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/ordering/orders/{orderId:guid}/ship", async (Guid orderId, IMediator mediator, CancellationToken cancellationToken) =>
            TypedResults.Ok(await mediator.Send(new ShipOrderCommand(orderId), cancellationToken)))
            .WithSummary("Mark a paid order shipped")
            .Refuses(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .RequireAnyRole(Roles.MerchantAdmin);
}
