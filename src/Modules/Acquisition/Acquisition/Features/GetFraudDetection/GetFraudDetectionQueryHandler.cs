using MediatR;
using Microsoft.EntityFrameworkCore;
using Modular.Acquisition.Infrastructure;

namespace Modular.Acquisition.Features.GetFraudDetection;

/// <summary>One detection from the write model, so a review shows at once.</summary>
internal sealed class GetFraudDetectionQueryHandler(AcquisitionDbContext db) : IRequestHandler<GetFraudDetectionQuery, FraudDetectionResponse>
{
    public async Task<FraudDetectionResponse> Handle(GetFraudDetectionQuery query, CancellationToken cancellationToken) =>
        await db.FraudDetections.FirstOrDefaultAsync(detection => detection.Id == query.DetectionId, cancellationToken) is { } detection
            ? FraudDetectionResponse.From(detection)
            : throw FraudDetectionErrors.NotFound(query.DetectionId);
}
