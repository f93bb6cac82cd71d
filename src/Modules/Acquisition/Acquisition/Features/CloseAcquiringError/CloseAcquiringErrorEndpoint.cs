using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Web.OpenApi;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.Acquisition.Features.CloseAcquiringError;

internal static class CloseAcquiringErrorEndpoint
{
    public static void MapCloseAcquiringError(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/acquisition/acquiring-errors/{errorId:guid}/closure", async (
                Guid errorId, CloseRequest request, IMediator mediator, CancellationToken cancellationToken) =>
            TypedResults.Ok(await mediator.Send(new CloseAcquiringErrorCommand(errorId, request.Status, request.Note), cancellationToken)))
            .WithSummary("Resolve or abandon an acquiring error with a note")
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .RequireAnyRole(AcquisitionRoles.AcquiringOperators);

    internal sealed record CloseRequest(string? Status, string? Note);
}
