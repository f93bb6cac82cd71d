using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Paging;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.Ordering.Features.SearchProducts;

internal static class SearchProductsEndpoint
{
    public static void MapSearchProducts(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/ordering/products", async (
                Guid? organizationId, string? status, string? name, Guid? before, int? limit, IMediator mediator, CancellationToken cancellationToken) =>
            TypedResults.Ok(await mediator.Send(
                new SearchProductsQuery(organizationId, status, name, before, PageLimit.Clamp(limit)), cancellationToken)))
            .WithSummary("List the catalogue (filters: organization, status, name prefix; keyset-paged)")
            .RequireAnyRole(Roles.Customer, Roles.MerchantAdmin, Roles.MerchantUser, Roles.FinanceOperator, Roles.BillingOperator, Roles.RiskManager);
}
