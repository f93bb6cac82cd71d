using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.Funding.Features.GetProject;

internal static class GetProjectEndpoint
{
    public static void MapGetProject(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/funding/projects/{projectId:guid}", async (Guid projectId, IMediator mediator, CancellationToken cancellationToken) =>
            Results.Ok(await mediator.Send(new GetProjectQuery(projectId), cancellationToken)))
            .RequireAnyRole(Roles.Customer, Roles.MerchantAdmin, Roles.MerchantUser, Roles.FinanceOperator, Roles.BillingOperator, Roles.RiskManager);
}
