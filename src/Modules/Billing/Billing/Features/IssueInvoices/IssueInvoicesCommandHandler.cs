using MediatR;
using Microsoft.EntityFrameworkCore;
using Modular.Billing.Domain;
using Modular.Billing.Infrastructure;

namespace Modular.Billing.Features.IssueInvoices;

/// <summary>Drafts only (served by invoices_by_month_status); issuing twice issues nothing the second time.</summary>
internal sealed class IssueInvoicesCommandHandler(BillingDbContext db, TimeProvider clock) : IRequestHandler<IssueInvoicesCommand, IssuedInvoices>
{
    public async Task<IssuedInvoices> Handle(IssueInvoicesCommand command, CancellationToken cancellationToken)
    {
        var month = BillingMonth.Parse(command.Month);
        var drafts = db.Invoices.AsTracking().Where(invoice => invoice.Month == month && invoice.Status == InvoiceStatus.Draft);
        if (command.InvoiceIds is { } ids)
        {
            drafts = drafts.Where(invoice => ids.Contains(invoice.Id));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var issued = await drafts.ToListAsync(cancellationToken);
        foreach (var invoice in issued)
        {
            invoice.Issue(now);
            db.Publish(InvoiceMessages.ChangedOf(invoice));
        }

        return new IssuedInvoices(issued.Count);
    }
}
