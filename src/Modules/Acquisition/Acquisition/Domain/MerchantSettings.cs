namespace Modular.Acquisition.Domain;

/// <summary>How VAT applies to the merchant's fee: 10 % Korean VAT on top of the fee, exempt, or zero-rated (exports).</summary>
internal enum VatRule
{
    Taxable10Percent,
    Exempt,
    ZeroRated,
}

/// <summary>When the merchant is paid out: the next or second business day after the transaction, weekly, or monthly.</summary>
internal enum SettlementCycle
{
    D1,
    D2,
    Weekly,
    Monthly,
}

internal enum MerchantStatus
{
    Active,
    Suspended,
}
