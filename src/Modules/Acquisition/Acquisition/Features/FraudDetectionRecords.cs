using Modular.Acquisition.Contracts;
using Modular.Acquisition.Domain;
using Modular.Acquisition.Infrastructure;

namespace Modular.Acquisition.Features;

/// <summary>A detection's state as the read side hears it, after detection and after review.</summary>
internal static class FraudDetectionRecords
{
    public static FraudDetectionRecorded Of(FraudDetection detection) => new(
        detection.Id, detection.AcquisitionId, detection.PaymentId, detection.MerchantId, detection.OrganizationId, detection.Rule, detection.Reason,
        detection.Amount, detection.ApprovedAt.AsUtc(), detection.DetectedAt.AsUtc(), detection.Status.ToString(),
        detection.ReviewedAt is { } reviewedAt ? reviewedAt.AsUtc() : null, detection.ReviewedBy, detection.ReviewNote, detection.Version);
}
