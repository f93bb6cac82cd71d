using MediatR;
using Microsoft.EntityFrameworkCore;
using Modular.Acquisition.Infrastructure;
using Modular.BuildingBlocks.Application.Security;

namespace Modular.Acquisition.Features.ReviewFraudDetection;

internal sealed class ReviewFraudDetectionCommandHandler(AcquisitionDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<ReviewFraudDetectionCommand, FraudDetectionResponse>
{
    public async Task<FraudDetectionResponse> Handle(ReviewFraudDetectionCommand command, CancellationToken cancellationToken)
    {
        var detection = await db.FraudDetections.AsTracking().FirstOrDefaultAsync(d => d.Id == command.DetectionId, cancellationToken)
            ?? throw FraudDetectionErrors.NotFound(command.DetectionId);
        detection.Review(user.UserId, command.Note!, clock.GetUtcNow().UtcDateTime);
        db.Publish(FraudDetectionRecords.Of(detection));
        return FraudDetectionResponse.From(detection);
    }
}
