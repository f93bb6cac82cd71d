using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Security;

namespace Modular.Funding.Features.CancelPledge;

internal static class CancelPledgeEndpoint
{
    public static void MapCancelPledge(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/funding/pledges/{pledgeId:guid}/cancel", async (Guid pledgeId, ICurrentUser user, IMediator mediator, CancellationToken cancellationToken) =>
            Results.Ok(await mediator.Send(new CancelPledgeCommand(pledgeId, user.UserId), cancellationToken)))
            .RequireAuthorization(Roles.Customer);
}
