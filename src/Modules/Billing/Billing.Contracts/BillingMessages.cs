namespace Modular.Billing.Contracts;

/// <summary>
/// An invoice or credit note changed (generated, regenerated, issued, sent, failed to send, voided). Carries the whole
/// list-row state and a version, so a projection applies changes in any order (the highest version wins).
/// </summary>
public sealed record InvoiceChanged(
    Guid InvoiceId, string Kind, Guid OrganizationId, string CustomerName, DateOnly Month, string Status, long Subtotal, long Vat, long Total,
    int Lines, Guid? CorrectsId, string? SendFailure, DateTimeOffset? IssuedAt, DateTimeOffset? SentAt, int Version, DateTimeOffset At);
