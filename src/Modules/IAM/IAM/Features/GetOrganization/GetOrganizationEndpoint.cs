using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.OpenApi;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.IAM.Features.GetOrganization;

internal static class GetOrganizationEndpoint
{
    public static void MapGetOrganization(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/iam/organizations/{organizationId:guid}", async (Guid organizationId, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new GetOrganizationQuery(organizationId), cancellationToken)))
            .WithSummary("Get an organization with its contacts")
            .Refuses(StatusCodes.Status404NotFound)
            .RequireAnyRole(Roles.FinanceOperator, Roles.BillingOperator, Roles.RiskManager, Roles.MerchantAdmin, Roles.MerchantUser);
}
