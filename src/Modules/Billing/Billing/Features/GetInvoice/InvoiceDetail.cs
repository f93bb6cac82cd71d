using Modular.Billing.Domain;

namespace Modular.Billing.Features.GetInvoice;

/// <summary>An invoice with its lines, as the detail screen and the PDF show it. Amounts in won.</summary>
internal sealed record InvoiceDetail(
    Guid Id, string Kind, Guid OrganizationId, string CustomerName, string Month, string Status, long Subtotal, long Vat, long Total,
    Guid? CorrectsId, string? Reason, string? SendFailure, DateTime? IssuedAt, DateTime? SentAt, int Version, IReadOnlyList<InvoiceLineView> Lines)
{
    public static InvoiceDetail From(Invoice invoice) => new(
        invoice.Id, invoice.Kind.ToString(), invoice.OrganizationId, invoice.CustomerName, BillingMonth.Format(invoice.Month), invoice.Status.ToString(),
        invoice.Subtotal, invoice.Vat, invoice.Total, invoice.CorrectsId, invoice.Reason, invoice.SendFailure, invoice.IssuedAt, invoice.SentAt,
        invoice.Version,
        invoice.Lines.Select(line => new InvoiceLineView(
            line.Position, line.ApiKey, line.Product, line.Unit, line.BatchDate, line.Quantity, line.UnitPrice, line.Amount)).ToList());
}

internal sealed record InvoiceLineView(int Position, string ApiKey, string Product, string Unit, DateOnly? BatchDate, long Quantity, decimal UnitPrice, long Amount);
