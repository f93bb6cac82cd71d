using Microsoft.EntityFrameworkCore;
using Modular.Billing.Domain;
using Modular.Billing.Infrastructure;
using Modular.BuildingBlocks.Application.Security;

namespace Modular.Billing.Features;

internal static class InvoiceAccess
{
    /// <summary>
    /// The invoice the caller may see: operators any, a billing customer only its own organization's once issued (a draft
    /// is still being prepared). Anything else is 404, as if the id did not exist.
    /// </summary>
    public static async Task<Invoice> VisibleAsync(this BillingDbContext db, ICurrentUser user, Guid invoiceId, CancellationToken cancellationToken)
    {
        var invoice = await db.Invoices.SingleOrDefaultAsync(i => i.Id == invoiceId, cancellationToken);
        var visible = invoice is not null
                      && (user.IsOperator() || (user.OrganizationId == invoice.OrganizationId && invoice.Status != InvoiceStatus.Draft));
        return visible ? invoice! : throw InvoiceErrors.NotFound(invoiceId);
    }
}
