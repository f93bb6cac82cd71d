using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Paging;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.OpenApi;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.Funding.Features.SearchProjects;

internal static class SearchProjectsEndpoint
{
    public static void MapSearchProjects(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/funding/projects", async (
                string? status, Guid? organizationId, DateTime? deadlineFrom, DateTime? deadlineTo, Guid? before, int? limit, IMediator mediator,
                CancellationToken cancellationToken) =>
            TypedResults.Ok(await mediator.Send(
                new SearchProjectsQuery(status, organizationId, deadlineFrom, deadlineTo, before, PageLimit.Clamp(limit)), cancellationToken)))
            .WithSummary("Search projects (status, owner, deadline range; keyset)")
            .RequireAnyRole(Roles.MerchantAdmin, Roles.MerchantUser, Roles.FinanceOperator, Roles.BillingOperator, Roles.RiskManager);
}
