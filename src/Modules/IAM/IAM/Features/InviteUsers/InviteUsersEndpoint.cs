using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.OpenApi;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.IAM.Features.InviteUsers;

internal static class InviteUsersEndpoint
{
    public static void MapInviteUsers(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/iam/organizations/{organizationId:guid}/invitations", async (
                Guid organizationId, InviteUsersRequest request, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var accepted = await mediator.Send(
                    new InviteUsersCommand(organizationId, request.Emails ?? [], request.Roles ?? [Roles.MerchantUser]), cancellationToken);
                return TypedResults.Accepted($"/api/iam/invitations/jobs/{accepted.Id}", accepted);
            })
            .WithSummary("Invite users by e-mail (asynchronous job)")
            .Refuses(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity)
            .RequireAnyRole(Roles.MerchantAdmin);

    /// <summary>Roles default to MerchantUser.</summary>
    internal sealed record InviteUsersRequest(IReadOnlyList<string>? Emails, IReadOnlyList<string>? Roles);
}
