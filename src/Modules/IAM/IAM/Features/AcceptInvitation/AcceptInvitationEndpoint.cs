using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Modular.IAM.Features.AcceptInvitation;

internal static class AcceptInvitationEndpoint
{
    public static void MapAcceptInvitation(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/iam/invitations/accept", async (AcceptInvitationCommand command, IMediator mediator, CancellationToken cancellationToken) =>
                Results.Ok(await mediator.Send(command, cancellationToken)))
            .AllowAnonymous();
}
