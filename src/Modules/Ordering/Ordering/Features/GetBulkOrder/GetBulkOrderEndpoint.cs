using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Web.OpenApi;
using Modular.BuildingBlocks.Application.Security;

namespace Modular.Ordering.Features.GetBulkOrder;

internal static class GetBulkOrderEndpoint
{
    public static void MapGetBulkOrder(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/ordering/bulk-orders/{bulkOrderId:guid}", async (Guid bulkOrderId, ICurrentUser user, IMediator mediator, CancellationToken cancellationToken) =>
            TypedResults.Ok(await mediator.Send(new GetBulkOrderQuery(bulkOrderId, user.UserId), cancellationToken)))
            .WithSummary("Get a bulk order's progress and each line's result")
            .Refuses(StatusCodes.Status404NotFound)
            .RequireAuthorization(Roles.Customer);
}
