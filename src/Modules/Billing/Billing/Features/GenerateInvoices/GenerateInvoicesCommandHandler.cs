using MediatR;
using Microsoft.EntityFrameworkCore;
using Modular.Billing.Domain;
using Modular.Billing.Infrastructure;
using Modular.IAM.Contracts;

namespace Modular.Billing.Features.GenerateInvoices;

/// <summary>
/// One usage query for the month, one IAM request per 1,000 organizations (names, kind, status), one load of the
/// month's existing invoices, then per organization: create, update the Draft, or keep what was issued. Two generations
/// racing for the same organization meet invoices_one_per_organization_month (409) or the version check.
/// </summary>
internal sealed class GenerateInvoicesCommandHandler(BillingDbContext db, IMediator mediator, TimeProvider clock)
    : IRequestHandler<GenerateInvoicesCommand, GeneratedInvoices>
{
    public async Task<GeneratedInvoices> Handle(GenerateInvoicesCommand command, CancellationToken cancellationToken)
    {
        var month = BillingMonth.Parse(command.Month);
        var usage = await LatestUsage.OfMonthAsync(db, month, command.OrganizationId, cancellationToken);
        var byOrganization = usage.GroupBy(row => row.OrganizationId).ToDictionary(group => group.Key, group => group.ToList());
        var customers = new Dictionary<Guid, OrganizationContacts>();
        foreach (var chunk in byOrganization.Keys.Chunk(GetOrganizationContacts.MaxIds))
        {
            foreach (var organization in await mediator.Send(new GetOrganizationContacts(chunk), cancellationToken))
            {
                if (organization is { Kind: "BillingCustomer", Status: "Active" })
                {
                    customers[organization.OrganizationId] = organization;
                }
            }
        }

        var plans = await db.PricePlans.ToDictionaryAsync(plan => plan.Product, cancellationToken);
        var organizations = customers.Keys.ToList();
        var existing = await db.Invoices.AsTracking()
            .Where(invoice => invoice.Kind == InvoiceKind.Invoice && invoice.Month == month && organizations.Contains(invoice.OrganizationId))
            .ToDictionaryAsync(invoice => invoice.OrganizationId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        int created = 0, updated = 0, unchanged = 0, kept = 0;
        foreach (var (organizationId, customer) in customers)
        {
            var lines = InvoiceLines.Of(byOrganization[organizationId], plans);
            if (existing.GetValueOrDefault(organizationId) is not { } invoice)
            {
                invoice = Invoice.Draft(organizationId, customer.Name, month, lines, now);
                db.Invoices.Add(invoice);
                db.Publish(InvoiceMessages.ChangedOf(invoice));
                created++;
            }
            else if (invoice.Status != InvoiceStatus.Draft)
            {
                kept++;
            }
            else if (invoice.Regenerate(customer.Name, lines, now))
            {
                db.Publish(InvoiceMessages.ChangedOf(invoice));
                updated++;
            }
            else
            {
                unchanged++;
            }
        }

        return new GeneratedInvoices(BillingMonth.Format(month), created, updated, unchanged, kept, byOrganization.Count - customers.Count);
    }
}
