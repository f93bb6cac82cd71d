using Modular.Billing.Domain;
using Modular.Billing.Infrastructure;

namespace Modular.Billing.Features.GenerateInvoices;

/// <summary>An organization's lines from its keys' latest batches and the price plans (rules in <see cref="InvoiceAmounts"/>).</summary>
internal static class InvoiceLines
{
    public static IReadOnlyList<InvoiceLine> Of(IEnumerable<LatestUsageRow> usage, IReadOnlyDictionary<string, PricePlan> plans)
    {
        var lines = new List<InvoiceLine>();
        var minimumFee = 0L;
        foreach (var row in usage.OrderBy(row => row.ApiKey, StringComparer.Ordinal).ThenBy(row => row.Product, StringComparer.Ordinal))
        {
            // A product's plan can only be missing if it was never priced; the import refuses such rows.
            var plan = plans[row.Product];
            minimumFee = Math.Max(minimumFee, plan.MinimumFee);
            lines.Add(new InvoiceLine(lines.Count + 1, row.ApiKey, row.Product, row.Unit, row.BatchDate, row.Quantity, plan.UnitPrice,
                InvoiceAmounts.LineAmount(row.Quantity, plan.UnitPrice)));
        }

        var subtotal = lines.Aggregate(0L, (sum, line) => checked(sum + line.Amount));
        if (subtotal < minimumFee)
        {
            lines.Add(new InvoiceLine(lines.Count + 1, "", InvoiceLine.MinimumFeeProduct, "KRW", null, 1, minimumFee - subtotal, minimumFee - subtotal));
        }

        return lines;
    }
}
