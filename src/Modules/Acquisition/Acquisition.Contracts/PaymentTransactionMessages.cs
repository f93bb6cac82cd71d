namespace Modular.Acquisition.Contracts;

/// <summary>
/// The state of a payment transaction after each change (requested, approved, declined, no answer, canceled), for read
/// models and later Settlement. <paramref name="Version"/> grows with every change, so a consumer keeps the highest one
/// whatever the arrival order. <paramref name="Status"/> is one of Pending, Approved, Declined, NoAnswer, Canceled.
/// </summary>
public sealed record PaymentTransactionRecorded(
    Guid PaymentId,
    Guid MerchantId,
    Guid OrganizationId,
    Guid Reference,
    long Amount,
    string? CardBin,
    string? CardLast4,
    string Status,
    string? ApprovalNumber,
    string? DeclineCode,
    DateTimeOffset RequestedAt,
    DateTimeOffset? ApprovedAt,
    DateTimeOffset? DeclinedAt,
    DateTimeOffset? CanceledAt,
    int Version);
