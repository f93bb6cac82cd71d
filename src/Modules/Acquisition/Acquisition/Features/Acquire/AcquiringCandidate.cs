using System.Text.Json.Serialization;
using Modular.Acquisition.Domain;

namespace Modular.Acquisition.Features.Acquire;

/// <summary>
/// One item the loop read, as stored: nothing is assumed valid yet (a merchant may be unknown, its fee rate or VAT rule
/// missing). A cancellation carries the charges of its payment's acquisition.
/// </summary>
internal sealed record AcquiringCandidate(
    AcquisitionKind Kind,
    Guid PaymentId,
    Guid MerchantId,
    Guid OrganizationId,
    Guid Reference,
    string? ApprovalNumber,
    string? CardBin,
    long Amount,
    DateTime ApprovedAt,
    DateTime? CanceledAt,
    MerchantTerms? Merchant,
    AcquisitionCharges? PaymentCharges)
{
    /// <summary>The queue's order: approval time for payments, cancel time for cancellations, then id.</summary>
    [JsonIgnore]
    public QueuePosition Position => new(Kind == AcquisitionKind.Cancellation ? CanceledAt!.Value : ApprovedAt, PaymentId);
}

/// <summary>The merchant's settings as stored; null when a column holds nothing (a legacy or hand-edited row).</summary>
internal sealed record MerchantTerms(decimal? FeeRate, string? VatRule);

internal readonly record struct QueuePosition(DateTime At, Guid Id)
{
    public static readonly QueuePosition Start = new(DateTime.UnixEpoch, Guid.Empty);

    public QueuePosition Before(TimeSpan lookback) => this == Start ? this : new(At - lookback, Guid.Empty);

    /// <summary>The queue's order: time, then id (.NET compares version-7 ids as PostgreSQL does, by their leading bytes).</summary>
    public int CompareTo(QueuePosition other) => At != other.At ? At.CompareTo(other.At) : Id.CompareTo(other.Id);
}
