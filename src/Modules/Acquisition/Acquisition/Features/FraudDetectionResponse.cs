using Modular.Acquisition.Domain;

namespace Modular.Acquisition.Features;

internal sealed record FraudDetectionResponse(
    Guid Id,
    Guid AcquisitionId,
    Guid PaymentId,
    Guid MerchantId,
    Guid OrganizationId,
    string Rule,
    string Reason,
    long Amount,
    DateTime ApprovedAt,
    DateTime DetectedAt,
    string Status,
    DateTime? ReviewedAt,
    Guid? ReviewedBy,
    string? ReviewNote)
{
    public static FraudDetectionResponse From(FraudDetection detection) => new(
        detection.Id, detection.AcquisitionId, detection.PaymentId, detection.MerchantId, detection.OrganizationId, detection.Rule, detection.Reason,
        detection.Amount, detection.ApprovedAt, detection.DetectedAt, detection.Status.ToString(), detection.ReviewedAt, detection.ReviewedBy,
        detection.ReviewNote);
}
