using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Paging;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.OpenApi;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.Funding.Features.SearchProjectPledges;

internal static class SearchProjectPledgesEndpoint
{
    public static void MapSearchProjectPledges(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/funding/projects/{projectId:guid}/pledges", async (
                Guid projectId, string? status, Guid? before, int? limit, IMediator mediator, CancellationToken cancellationToken) =>
            TypedResults.Ok(await mediator.Send(new SearchProjectPledgesQuery(projectId, status, before, PageLimit.Clamp(limit)), cancellationToken)))
            .WithSummary("List a project's pledges (status; keyset)")
            .Refuses(StatusCodes.Status404NotFound)
            .RequireAnyRole(Roles.MerchantAdmin, Roles.MerchantUser, Roles.FinanceOperator, Roles.BillingOperator, Roles.RiskManager);
}
