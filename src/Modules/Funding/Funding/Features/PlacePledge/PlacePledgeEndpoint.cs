using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.OpenApi;
using Modular.BuildingBlocks.Web.Problems;

namespace Modular.Funding.Features.PlacePledge;

internal static class PlacePledgeEndpoint
{
    public static void MapPlacePledge(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/funding/projects/{projectId:guid}/pledges", async (
                Guid projectId,
                PlacePledgeRequest request,
                [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
                ICurrentUser user,
                IMediator mediator,
                HttpContext http,
                CancellationToken cancellationToken) =>
            {
                var answer = await mediator.Send(
                    new PlacePledgeCommand(projectId, user.UserId, request.TierId, request.Amount, request.CardToken ?? "", idempotencyKey), cancellationToken);
                switch (answer)
                {
                    case PledgeAnswer.Stored stored:
                        http.Response.Headers.Location = $"/api/funding/pledges/{stored.PledgeId}";
                        return Results.Text(stored.Body, "application/json", statusCode: stored.StatusCode);
                    case PledgeAnswer.Refused refused:
                        return ErrorProblem.Result(refused.Error);
                    default:
                        throw new InvalidOperationException($"Unexpected answer {answer}.");
                }
            })
            .WithSummary("Pledge to an open project (Idempotency-Key); 202, then poll the Location")
            .Refuses(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity)
            .Produces<PledgedResponse>(StatusCodes.Status202Accepted)
            .RequireAuthorization(Roles.Customer);

    internal sealed record PlacePledgeRequest(Guid? TierId, long? Amount, string? CardToken);
}
