using Modular.BuildingBlocks.Domain.Errors;

namespace Modular.Acquisition.Features;

internal static class FraudDetectionErrors
{
    public static DomainException NotFound(Guid detectionId) =>
        new(Error.NotFound("acquisition.detection_not_found", $"Fraud detection {detectionId} was not found."));
}
