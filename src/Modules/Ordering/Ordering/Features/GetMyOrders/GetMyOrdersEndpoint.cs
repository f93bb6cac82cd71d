using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Paging;
using Modular.BuildingBlocks.Application.Security;
using Modular.Ordering.ReadModels;

namespace Modular.Ordering.Features.GetMyOrders;

internal static class GetMyOrdersEndpoint
{
    public static void MapGetMyOrders(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/ordering/orders/mine", async (string? status, Guid? before, int? limit, ICurrentUser user, IMediator mediator, CancellationToken cancellationToken) =>
            TypedResults.Ok(await mediator.Send(
                new GetMyOrdersQuery(user.UserId, status, before, PageLimit.Clamp(limit)), cancellationToken)))
            .WithSummary("List the caller's own orders (filter: status; keyset-paged)")
            .RequireAuthorization(Roles.Customer);
}
