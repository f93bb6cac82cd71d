using Modular.Billing.Domain;
using Modular.Billing.Features;

namespace Modular.Billing.Pdf;

internal static class InvoiceFiles
{
    public static string NameOf(Invoice invoice) => $"invoice-{BillingMonth.Format(invoice.Month)}-{invoice.Id}.pdf";
}
