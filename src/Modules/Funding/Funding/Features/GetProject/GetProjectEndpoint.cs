using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.OpenApi;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.Funding.Features.GetProject;

internal static class GetProjectEndpoint
{
    public static void MapGetProject(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/funding/projects/{projectId:guid}", async (Guid projectId, IMediator mediator, CancellationToken cancellationToken) =>
            TypedResults.Ok(await mediator.Send(new GetProjectQuery(projectId), cancellationToken)))
            .WithSummary("Get a project page with live totals and tiers left")
            .Refuses(StatusCodes.Status404NotFound)
            .RequireAnyRole(Roles.Customer, Roles.MerchantAdmin, Roles.MerchantUser, Roles.FinanceOperator, Roles.BillingOperator, Roles.RiskManager);
}
