using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Web.OpenApi;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.Ordering.Features.GetBulkOrder;

internal static class GetBulkOrderEndpoint
{
    /// <summary>The buyer polls its own job; merchant staff and operators read the jobs of the organizations they may see.</summary>
    public static void MapGetBulkOrder(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/ordering/bulk-orders/{bulkOrderId:guid}", async (Guid bulkOrderId, IMediator mediator, CancellationToken cancellationToken) =>
            TypedResults.Ok(await mediator.Send(new GetBulkOrderQuery(bulkOrderId), cancellationToken)))
            .WithSummary("Get a bulk order's progress and each line's result")
            .Refuses(StatusCodes.Status404NotFound)
            .RequireAnyRole(OrderingRoles.Readers);
}
