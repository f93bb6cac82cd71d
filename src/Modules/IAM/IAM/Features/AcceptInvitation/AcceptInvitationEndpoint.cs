using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Web.OpenApi;

namespace Modular.IAM.Features.AcceptInvitation;

internal static class AcceptInvitationEndpoint
{
    public static void MapAcceptInvitation(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/iam/invitations/accept", async (AcceptInvitationCommand command, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(command, cancellationToken)))
            .WithSummary("Accept an e-mailed invitation and set a password")
            .Refuses(StatusCodes.Status422UnprocessableEntity)
            .AllowAnonymous();
}
