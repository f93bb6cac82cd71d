using Modular.Billing.Contracts;
using Modular.Billing.Domain;

namespace Modular.Billing.Features;

internal static class InvoiceMessages
{
    public static InvoiceChanged ChangedOf(Invoice invoice) => new(
        invoice.Id, invoice.Kind.ToString(), invoice.OrganizationId, invoice.CustomerName, invoice.Month, invoice.Status.ToString(),
        invoice.Subtotal, invoice.Vat, invoice.Total, invoice.Lines.Count, invoice.CorrectsId, invoice.SendFailure,
        Utc(invoice.IssuedAt), Utc(invoice.SentAt), invoice.Version, new DateTimeOffset(invoice.UpdatedAt, TimeSpan.Zero));

    private static DateTimeOffset? Utc(DateTime? at) => at is { } value ? new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)) : null;
}
