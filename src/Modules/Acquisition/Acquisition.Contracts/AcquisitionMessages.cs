using Modular.BuildingBlocks.Application.Messaging;

namespace Modular.Acquisition.Contracts;

/// <summary>
/// One chunk of acquisitions the acquiring loop committed, published in the same transaction (one message per chunk, not
/// per row, so Settlement and fraud detection keep up with the loop). Each acquisition appears in exactly one chunk.
/// </summary>
public sealed record AcquisitionsRecorded(IReadOnlyList<AcquisitionEntry> Acquisitions);

/// <summary>
/// The record a PG submits to the card companies: an approved payment, or the cancellation of one already acquired.
/// Amounts are KRW and never negative; <paramref name="Kind"/> gives the direction. <paramref name="Fee"/> and
/// <paramref name="Vat"/> follow the rounding rules of docs/modules/acquisition.md.
/// </summary>
/// <param name="Kind">Payment or Cancellation.</param>
/// <param name="Reference">The storefront's own id (an order or a pledge).</param>
/// <param name="PayMethod">How it was paid (Card).</param>
/// <param name="PayMethodDetail">The card's BIN when known.</param>
/// <param name="AcquiredAt">When the acquisition was made, the "submit" time of the export record.</param>
public sealed record AcquisitionEntry(
    Guid AcquisitionId,
    string Kind,
    Guid PaymentId,
    Guid MerchantId,
    Guid OrganizationId,
    Guid Reference,
    string ApprovalNumber,
    string PayMethod,
    string? PayMethodDetail,
    long Amount,
    long Fee,
    long Vat,
    DateTimeOffset ApprovedAt,
    DateTimeOffset? CanceledAt,
    DateTimeOffset AcquiredAt);

/// <summary>
/// The acquisitions made on <paramref name="Day"/> (UTC, by <see cref="AcquisitionEntry.AcquiredAt"/>), one page in
/// acquisition id order after <paramref name="After"/>; for Settlement's daily reconciliation. At most
/// <paramref name="Limit"/> (≤ 10,000) entries.
/// </summary>
public sealed record GetAcquisitionsOfDay(DateOnly Day, Guid? After, int Limit) : IQuery<IReadOnlyList<AcquisitionEntry>>;
