using Modular.Acquisition.ReadModels;

namespace Modular.Acquisition.Features.GetFraudDetections;

internal sealed record FraudDetectionSummary(
    Guid Id, Guid AcquisitionId, Guid PaymentId, Guid MerchantId, string Rule, string Reason, long Amount, DateTime ApprovedAt, DateTime DetectedAt,
    string Status, DateTime? ReviewedAt)
{
    public static FraudDetectionSummary From(FraudDetectionDocument detection) => new(
        detection.Id, detection.AcquisitionId, detection.PaymentId, detection.MerchantId, detection.Rule, detection.Reason, detection.Amount,
        detection.ApprovedAt.UtcDateTime, detection.DetectedAt.UtcDateTime, detection.Status, detection.ReviewedAt?.UtcDateTime);
}
