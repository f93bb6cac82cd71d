using System.Globalization;
using System.Net;
using System.Text;
using Modular.Billing.Domain;

namespace Modular.Billing.Pdf;

/// <summary>An invoice as the HTML page Chromium prints: the embedded template with every value HTML-encoded.</summary>
internal static class InvoiceHtml
{
    private static readonly string Template = LoadTemplate();
    private static readonly CultureInfo Numbers = CultureInfo.InvariantCulture;

    public static string Of(Invoice invoice)
    {
        var lines = new StringBuilder();
        foreach (var line in invoice.Lines)
        {
            lines.Append("<tr><td class=\"key\">").Append(Encode(line.ApiKey)).Append("</td><td>").Append(Encode(line.Product))
                .Append("</td><td>").Append(line.BatchDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "")
                .Append("</td><td class=\"n\">").Append(line.Quantity.ToString("N0", Numbers))
                .Append("</td><td>").Append(Encode(line.Unit))
                .Append("</td><td class=\"n\">").Append(line.UnitPrice.ToString("#,0.####", Numbers))
                .Append("</td><td class=\"n\">").Append(Won(line.Amount)).Append("</td></tr>");
        }

        return Template
            .Replace("{{title}}", invoice.Kind == InvoiceKind.CreditNote ? "수정 청구서 (Credit note)" : "청구서 (Invoice)", StringComparison.Ordinal)
            .Replace("{{id}}", invoice.Id.ToString(), StringComparison.Ordinal)
            .Replace("{{customer}}", Encode(invoice.CustomerName), StringComparison.Ordinal)
            .Replace("{{month}}", invoice.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{{subtotal}}", Won(invoice.Subtotal), StringComparison.Ordinal)
            .Replace("{{vat}}", Won(invoice.Vat), StringComparison.Ordinal)
            .Replace("{{total}}", Won(invoice.Total), StringComparison.Ordinal)
            .Replace("{{lines}}", lines.ToString(), StringComparison.Ordinal);
    }

    /// <summary>"1,234,567원": the amount as the customer reads it (and as the tests find it with pdftotext).</summary>
    public static string Won(long amount) => amount.ToString("N0", Numbers) + "원";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string LoadTemplate()
    {
        using var stream = typeof(InvoiceHtml).Assembly.GetManifestResourceStream("Modular.Billing.Pdf.invoice.html")
            ?? throw new InvalidOperationException("The invoice template is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
