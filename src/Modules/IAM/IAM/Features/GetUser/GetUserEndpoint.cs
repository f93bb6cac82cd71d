using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.OpenApi;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.IAM.Features.GetUser;

internal static class GetUserEndpoint
{
    public static void MapGetUser(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/iam/users/{userId:guid}", async (Guid userId, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new GetUserQuery(userId), cancellationToken)))
            .WithSummary("Get a user (oneself, or as an operator or the organization's admin)")
            .Refuses(StatusCodes.Status404NotFound)
            .RequireAnyRole(Roles.FinanceOperator, Roles.BillingOperator, Roles.RiskManager, Roles.MerchantAdmin, Roles.MerchantUser, Roles.Customer);
}
