namespace Modular.Settlement.Domain;

/// <summary>
/// One ledger row: the 24 fields of the seed's export record (in <see cref="LedgerColumns"/> order) plus the keys that
/// tie it to its acquisition and tenant. Amounts are signed KRW from the merchant's side: what the merchant is owed is
/// positive (docs/modules/settlement.md, "Amounts").
/// </summary>
internal sealed record LedgerEntry
{
    public required Guid Id { get; init; }
    public required Guid AcquisitionId { get; init; }
    public required Guid MerchantId { get; init; }
    public required Guid OrganizationId { get; init; }

    public required string TaxFormId { get; init; }
    public required Guid PaymentId { get; init; }
    public required Guid OrderNo { get; init; }
    public required string PayNo { get; init; }
    public required DateTimeOffset RequestedAt { get; init; }
    public required DateTimeOffset PaidAt { get; init; }
    public DateTimeOffset? CanceledAt { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
    public required string TransactionType { get; init; }
    public required string Pg { get; init; }
    public required string PayMethod { get; init; }
    public string? PayMethodDetail { get; init; }
    public required string ServiceType { get; init; }
    public required string SubmitType { get; init; }
    public string? CancelType { get; init; }
    public required int Year { get; init; }
    public required string ReportNo { get; init; }
    public required long Amount { get; init; }
    public required long Fee { get; init; }
    public required long Vat { get; init; }
    public required long SaleAmount { get; init; }
    public required long OrderAmount { get; init; }
    public required long PgAmount { get; init; }
    public required long Difference { get; init; }
}
