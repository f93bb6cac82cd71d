using Modular.Billing.Domain;
using Modular.Billing.Pdf;
using Modular.BuildingBlocks.Infrastructure.Email;

namespace Modular.Billing.Features.Dispatching;

/// <summary>The e-mail an invoice goes out as: its PDF attached, and a Message-ID fixed by the invoice id.</summary>
internal static class InvoiceMail
{
    public static EmailMessage Of(Invoice invoice, string recipient, byte[] pdf) =>
        new(recipient, $"[Modular] {BillingMonth.Format(invoice.Month)} 청구서 (invoice) — {invoice.CustomerName}",
            $"""
            {invoice.CustomerName} 고객님,

            {BillingMonth.Format(invoice.Month)} 청구서를 첨부합니다. 합계 (total): {InvoiceHtml.Won(invoice.Total)}
            Invoice {invoice.Id} is attached.
            """)
        {
            Attachments = [new EmailAttachment(InvoiceFiles.NameOf(invoice), "application/pdf", pdf)],
            MessageId = $"invoice-{invoice.Id}@billing.modular.local",
        };

    /// <summary>Whom an organization's invoices go to: its primary contact (IAM keeps exactly one primary when it has contacts).</summary>
    public static string? RecipientOf(IAM.Contracts.OrganizationContacts? organization) =>
        organization?.Contacts.FirstOrDefault(contact => contact.IsPrimary)?.Email ?? organization?.Contacts.FirstOrDefault()?.Email;
}
