namespace Modular.Acquisition.Contracts;

/// <summary>
/// A fraud detection after each change (detected, reviewed), for the risk managers' list. <paramref name="Rule"/> is the
/// rule's stable code (<c>amount_threshold</c>, <c>card_velocity</c>, <c>merchant_deviation</c>); <paramref name="Status"/>
/// is Open or Reviewed. <paramref name="Version"/> grows with every change, so a consumer keeps the highest one.
/// </summary>
public sealed record FraudDetectionRecorded(
    Guid DetectionId,
    Guid AcquisitionId,
    Guid PaymentId,
    Guid MerchantId,
    Guid OrganizationId,
    string Rule,
    string Reason,
    long Amount,
    DateTimeOffset ApprovedAt,
    DateTimeOffset DetectedAt,
    string Status,
    DateTimeOffset? ReviewedAt,
    Guid? ReviewedBy,
    string? ReviewNote,
    int Version);
