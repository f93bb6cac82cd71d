using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.OpenApi;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.IAM.Features.CreateUser;

internal static class CreateUserEndpoint
{
    public static void MapCreateUser(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/iam/organizations/{organizationId:guid}/users", async (
                Guid organizationId, CreateUserRequest request, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var user = await mediator.Send(
                    new CreateUserCommand(organizationId, request.Email ?? "", request.Name ?? "", request.Roles ?? [], request.Password ?? ""),
                    cancellationToken);
                return TypedResults.Created($"/api/iam/users/{user.Id}", user);
            })
            .WithSummary("Create a user of an organization")
            .Refuses(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity)
            .RequireAnyRole(Roles.MerchantAdmin);

    internal sealed record CreateUserRequest(string? Email, string? Name, IReadOnlyList<string>? Roles, string? Password);
}
