using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Paging;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.Ordering.Features.SearchBulkOrders;

internal static class SearchBulkOrdersEndpoint
{
    /// <summary>The staff's list; the buyer polls its own job by id (GET /api/ordering/bulk-orders/{id}).</summary>
    public static void MapSearchBulkOrders(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/ordering/bulk-orders", async (string? status, Guid? before, int? limit, IMediator mediator, CancellationToken cancellationToken) =>
            TypedResults.Ok(await mediator.Send(new SearchBulkOrdersQuery(status, before, PageLimit.Clamp(limit)), cancellationToken)))
            .WithSummary("List bulk orders with their lines counted per result (filter: status; keyset-paged)")
            .RequireAnyRole(Roles.MerchantAdmin, Roles.MerchantUser, Roles.FinanceOperator, Roles.BillingOperator, Roles.RiskManager);
}
