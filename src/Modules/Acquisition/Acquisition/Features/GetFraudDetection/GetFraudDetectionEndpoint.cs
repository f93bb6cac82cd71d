using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.OpenApi;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.Acquisition.Features.GetFraudDetection;

internal static class GetFraudDetectionEndpoint
{
    public static void MapGetFraudDetection(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/acquisition/fraud-detections/{detectionId:guid}", async (Guid detectionId, IMediator mediator, CancellationToken cancellationToken) =>
            TypedResults.Ok(await mediator.Send(new GetFraudDetectionQuery(detectionId), cancellationToken)))
            .WithSummary("Get a fraud detection")
            .Refuses(StatusCodes.Status404NotFound)
            .RequireAnyRole(Roles.RiskManager);
}
