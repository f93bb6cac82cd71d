namespace Modular.Billing.Domain;

/// <summary>
/// The money rules, in whole won (KRW has no minor unit), every step overflow-checked:
/// a line is quantity × unit price rounded half away from zero; the subtotal is the sum of the lines, raised to the
/// plan's minimum fee by a separate "minimum fee" line when it falls short; VAT is 10 % of the subtotal rounded down
/// (truncated, as Korean tax invoices state it); the total is subtotal + VAT.
/// </summary>
internal static class InvoiceAmounts
{
    public const decimal VatRate = 0.10m;

    public static long LineAmount(long quantity, decimal unitPrice) =>
        checked((long)decimal.Round(quantity * unitPrice, 0, MidpointRounding.AwayFromZero));

    public static long Vat(long subtotal) => checked((long)decimal.Floor(subtotal * VatRate));
}
