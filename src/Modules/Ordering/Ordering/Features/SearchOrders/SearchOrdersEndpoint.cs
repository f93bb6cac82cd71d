using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Paging;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.Security;
using Modular.Ordering.ReadModels;

namespace Modular.Ordering.Features.SearchOrders;

internal static class SearchOrdersEndpoint
{
    public static void MapSearchOrders(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/ordering/orders", async (
                string? status, DateTime? from, DateTime? to, Guid? productId, Guid? before, int? limit, IMediator mediator, CancellationToken cancellationToken) =>
            TypedResults.Ok(await mediator.Send(
                new SearchOrdersQuery(status, from, to, productId, before, PageLimit.Clamp(limit)), cancellationToken)))
            .WithSummary("List orders (filters: status, period, product; keyset-paged)")
            .RequireAnyRole(Roles.MerchantAdmin, Roles.MerchantUser, Roles.FinanceOperator, Roles.BillingOperator, Roles.RiskManager);
}
