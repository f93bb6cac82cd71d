using System.Security.Cryptography;
using System.Text;
using Modular.Acquisition.Contracts;

namespace Modular.Settlement.Domain;

/// <summary>
/// Derives an acquisition's ledger rows: its transaction row (Payment or Cancellation, id = the acquisition id) and, when
/// the PG took a fee, its fee row (a deterministic id, so a repeated derivation yields the same row). Pure: the same
/// entry always gives the same rows, which is what lets reconciliation compare and repair by value.
/// Mapping and sign rules: docs/modules/settlement.md.
/// </summary>
internal static class LedgerEntries
{
    public const string PaymentKind = "Payment";
    public const string CancellationKind = "Cancellation";

    public static IReadOnlyList<LedgerEntry> Of(AcquisitionEntry entry, string pg)
    {
        var cancellation = entry.Kind switch
        {
            PaymentKind => false,
            CancellationKind => true,
            _ => throw new ArgumentException($"Unknown acquisition kind '{entry.Kind}'.", nameof(entry)),
        };
        if (entry.Amount < 0 || entry.Fee < 0 || entry.Vat < 0 || checked(entry.Fee + entry.Vat) > entry.Amount)
        {
            throw new ArgumentException($"Acquisition {entry.AcquisitionId} has amounts a ledger cannot hold.", nameof(entry));
        }

        var sign = cancellation ? -1L : 1L;
        var approvedAt = Microseconds(entry.ApprovedAt);
        var canceledAt = entry.CanceledAt is { } canceled ? Microseconds(canceled) : (DateTimeOffset?)null;
        var submittedAt = Microseconds(entry.AcquiredAt);
        var requestedAt = cancellation ? canceledAt ?? submittedAt : approvedAt;
        var cancelType = !cancellation ? null
            : DateOnly.FromDateTime(requestedAt.UtcDateTime) == DateOnly.FromDateTime(approvedAt.UtcDateTime) ? LedgerKinds.Void : LedgerKinds.Refund;
        var charge = checked(entry.Fee + entry.Vat);
        var transaction = new LedgerEntry
        {
            Id = entry.AcquisitionId,
            AcquisitionId = entry.AcquisitionId,
            MerchantId = entry.MerchantId,
            OrganizationId = entry.OrganizationId,
            TaxFormId = TaxFormId(pg, entry.MerchantId, submittedAt),
            PaymentId = entry.PaymentId,
            OrderNo = entry.Reference,
            PayNo = entry.ApprovalNumber,
            RequestedAt = requestedAt,
            PaidAt = approvedAt,
            CanceledAt = canceledAt,
            SubmittedAt = submittedAt,
            TransactionType = cancellation ? LedgerKinds.Cancellation : LedgerKinds.Payment,
            Pg = pg,
            PayMethod = entry.PayMethod,
            PayMethodDetail = entry.PayMethodDetail,
            ServiceType = LedgerKinds.Acquiring,
            SubmitType = DateOnly.FromDateTime(submittedAt.UtcDateTime) == DateOnly.FromDateTime(requestedAt.UtcDateTime)
                ? LedgerKinds.SameDay
                : LedgerKinds.Deferred,
            CancelType = cancelType,
            Year = submittedAt.UtcDateTime.Year,
            ReportNo = ReportNo(pg, entry.MerchantId, submittedAt),
            Amount = sign * entry.Amount,
            Fee = sign * entry.Fee,
            Vat = sign * entry.Vat,
            SaleAmount = sign * entry.Amount,
            OrderAmount = sign * entry.Amount,
            PgAmount = sign * (entry.Amount - charge),
            Difference = sign * charge,
        };
        if (charge == 0)
        {
            return [transaction];
        }

        var fee = transaction with
        {
            Id = FeeRowId(entry.AcquisitionId),
            TransactionType = LedgerKinds.Fee,
            ServiceType = LedgerKinds.PgFee,
            Amount = -sign * charge,
            SaleAmount = 0,
            OrderAmount = 0,
            PgAmount = 0,
            Difference = 0,
        };
        return [transaction, fee];
    }

    /// <summary>
    /// Times as PostgreSQL keeps them (microseconds): the entry of a published chunk carries .NET ticks, the same entry
    /// read back by GetAcquisitionsOfDay does not, and both must give the same row.
    /// </summary>
    private static DateTimeOffset Microseconds(DateTimeOffset at) => at.AddTicks(-(at.Ticks % 10));

    /// <summary>The fee row's id: a name-based (MD5, version 3) UUID of the acquisition id, the same on every derivation.</summary>
    public static Guid FeeRowId(Guid acquisitionId)
    {
        var hash = MD5.HashData(Encoding.ASCII.GetBytes($"settlement.fee:{acquisitionId:N}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x30);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash, bigEndian: true);
    }

    /// <summary>One monthly tax form (the PG's fee invoice) per merchant: PG, month of submission, merchant.</summary>
    private static string TaxFormId(string pg, Guid merchantId, DateTimeOffset submittedAt) =>
        $"TF-{pg}-{submittedAt.UtcDateTime:yyyyMM}-{merchantId.ToString("N")[..12].ToUpperInvariant()}";

    /// <summary>One report (submission to the card companies) per merchant and day of submission.</summary>
    private static string ReportNo(string pg, Guid merchantId, DateTimeOffset submittedAt) =>
        $"{pg}-{submittedAt.UtcDateTime:yyyyMMdd}-{merchantId.ToString("N")[..8].ToUpperInvariant()}";
}
