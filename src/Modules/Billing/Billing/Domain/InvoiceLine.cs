namespace Modular.Billing.Domain;

/// <summary>One line: a key's product at its latest batch of the month, or the minimum-fee top-up (no key, no batch).</summary>
internal sealed record InvoiceLine(int Position, string ApiKey, string Product, string Unit, DateOnly? BatchDate, long Quantity, decimal UnitPrice, long Amount)
{
    public const string MinimumFeeProduct = "minimum-fee";
}
