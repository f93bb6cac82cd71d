using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Paging;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.Security;
using Modular.IAM.ReadModels;

namespace Modular.IAM.Features.SearchUsers;

internal static class SearchUsersEndpoint
{
    public static void MapSearchUsers(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/iam/users", async (
                Guid? organizationId, string? status, string? role, string? email, Guid? before, int? limit, IMediator mediator, CancellationToken cancellationToken) =>
            TypedResults.Ok(await mediator.Send(new SearchUsersQuery(organizationId, status, role, email, before, PageLimit.Clamp(limit)), cancellationToken)))
            .WithSummary("List users (filters: organization, status, role, e-mail prefix; keyset-paged)")
            .RequireAnyRole(Roles.FinanceOperator, Roles.BillingOperator, Roles.RiskManager, Roles.MerchantAdmin);
}
