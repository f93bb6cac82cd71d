using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.OpenApi;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.IAM.Features.DisableUser;

internal static class DisableUserEndpoint
{
    public static void MapDisableUser(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/iam/users/{userId:guid}/disable", async (Guid userId, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new DisableUserCommand(userId), cancellationToken)))
            .WithSummary("Disable a user: it can no longer log in")
            .Refuses(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity)
            .RequireAnyRole(Roles.MerchantAdmin);
}
