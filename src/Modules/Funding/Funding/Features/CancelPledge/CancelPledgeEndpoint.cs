using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.OpenApi;

namespace Modular.Funding.Features.CancelPledge;

internal static class CancelPledgeEndpoint
{
    public static void MapCancelPledge(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/funding/pledges/{pledgeId:guid}/cancel", async (Guid pledgeId, ICurrentUser user, IMediator mediator, CancellationToken cancellationToken) =>
            TypedResults.Ok(await mediator.Send(new CancelPledgeCommand(pledgeId, user.UserId), cancellationToken)))
            .WithSummary("Cancel my pledge while its project is open")
            .Refuses(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Roles.Customer);
}
