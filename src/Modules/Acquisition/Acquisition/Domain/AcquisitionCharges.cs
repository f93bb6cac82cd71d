namespace Modular.Acquisition.Domain;

/// <summary>
/// The merchant's fee and the VAT on it, in whole KRW (docs/modules/acquisition.md, "Fees and VAT"): the fee is
/// amount × rate rounded half-up to the won; VAT is 10 % of the fee rounded down for Taxable10Percent, 0 for Exempt and
/// ZeroRated. A cancellation repeats its payment's charges, so the two always net to zero.
/// </summary>
internal sealed record AcquisitionCharges(long Fee, long Vat)
{
    public static AcquisitionCharges For(long amount, decimal feeRate, VatRule vatRule)
    {
        var fee = (long)decimal.Round(amount * feeRate, 0, MidpointRounding.AwayFromZero);
        var vat = vatRule == VatRule.Taxable10Percent ? fee / 10 : 0;
        return new AcquisitionCharges(fee, vat);
    }
}
