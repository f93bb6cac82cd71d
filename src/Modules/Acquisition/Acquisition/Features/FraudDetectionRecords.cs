using Modular.Acquisition.Contracts;
using Modular.Acquisition.Domain;

namespace Modular.Acquisition.Features;

/// <summary>A detection's state as the read side hears it, after detection and after review.</summary>
internal static class FraudDetectionRecords
{
    public static FraudDetectionRecorded Of(FraudDetection detection) => new(
        detection.Id, detection.AcquisitionId, detection.PaymentId, detection.MerchantId, detection.OrganizationId, detection.Rule, detection.Reason,
        detection.Amount, Utc(detection.ApprovedAt), Utc(detection.DetectedAt), detection.Status.ToString(),
        detection.ReviewedAt is { } reviewedAt ? Utc(reviewedAt) : null, detection.ReviewedBy, detection.ReviewNote, detection.Version);

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}
