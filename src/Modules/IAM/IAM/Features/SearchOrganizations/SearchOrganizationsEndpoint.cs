using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Paging;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.Security;
using Modular.IAM.ReadModels;

namespace Modular.IAM.Features.SearchOrganizations;

internal static class SearchOrganizationsEndpoint
{
    public static void MapSearchOrganizations(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/iam/organizations", async (
                string? kind, string? status, Guid? before, int? limit, IMediator mediator, CancellationToken cancellationToken) =>
            TypedResults.Ok(await mediator.Send(new SearchOrganizationsQuery(kind, status, before, PageLimit.Clamp(limit)), cancellationToken)))
            .WithSummary("List organizations (filters: kind, status; keyset-paged)")
            .RequireAnyRole(Roles.FinanceOperator, Roles.BillingOperator, Roles.RiskManager, Roles.MerchantAdmin, Roles.MerchantUser);
}
