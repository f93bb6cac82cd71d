using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.OpenApi;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.Acquisition.Features.ReviewFraudDetection;

internal static class ReviewFraudDetectionEndpoint
{
    /// <summary>Marks a detection reviewed, once, with the risk manager's note; the acquisition itself is untouched.</summary>
    public static void MapReviewFraudDetection(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/acquisition/fraud-detections/{detectionId:guid}/review", async (
                Guid detectionId, ReviewRequest request, IMediator mediator, CancellationToken cancellationToken) =>
            TypedResults.Ok(await mediator.Send(new ReviewFraudDetectionCommand(detectionId, request.Note), cancellationToken)))
            .WithSummary("Mark a fraud detection reviewed, with a note")
            .Refuses(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .RequireAnyRole(Roles.RiskManager);

    internal sealed record ReviewRequest(string? Note);
}
