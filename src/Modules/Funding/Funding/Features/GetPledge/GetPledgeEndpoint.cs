using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.OpenApi;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.Funding.Features.GetPledge;

internal static class GetPledgeEndpoint
{
    /// <summary>The pledge's Location: its backer polls it; the project's merchant staff and operators may read it too.</summary>
    public static void MapGetPledge(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/funding/pledges/{pledgeId:guid}", async (Guid pledgeId, IMediator mediator, CancellationToken cancellationToken) =>
            TypedResults.Ok(await mediator.Send(new GetPledgeQuery(pledgeId), cancellationToken)))
            .WithSummary("Get a pledge (poll its status)")
            .Refuses(StatusCodes.Status404NotFound)
            .RequireAnyRole(Roles.Customer, Roles.MerchantAdmin, Roles.MerchantUser, Roles.FinanceOperator, Roles.BillingOperator, Roles.RiskManager);
}
