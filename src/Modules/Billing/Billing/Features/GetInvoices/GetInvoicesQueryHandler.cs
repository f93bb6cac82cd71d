using Marten;
using MediatR;
using Modular.Billing.Infrastructure;
using Modular.Billing.ReadModels;
using Modular.BuildingBlocks.Application.Paging;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Infrastructure.ReadModels;

namespace Modular.Billing.Features.GetInvoices;

internal sealed class GetInvoicesQueryHandler(ReadStore<BillingDbContext> store, ICurrentUser user) : IRequestHandler<GetInvoicesQuery, KeysetPage<InvoiceListItem>>
{
    public async Task<KeysetPage<InvoiceListItem>> Handle(GetInvoicesQuery query, CancellationToken cancellationToken)
    {
        // A customer filter (or a billing customer's own organization) uses invoices_by_organization (organization, month,
        // id); otherwise a month (and status) uses invoices_by_month_status (month, status, id). The amount range filters
        // within those; pages run newest first by id.
        await using var session = store.QuerySession();
        var invoices = session.Query<InvoiceDocument>().AsQueryable();
        if ((user.VisibleOrganization() ?? query.OrganizationId) is { } organizationId)
        {
            invoices = invoices.Where(invoice => invoice.OrganizationId == organizationId);
        }

        if (!user.IsOperator())
        {
            invoices = invoices.Where(invoice => invoice.Status != "Draft");
        }

        if (query.Month is not null)
        {
            var month = BillingMonth.Parse(query.Month);
            invoices = invoices.Where(invoice => invoice.Month == month);
        }

        if (query.Status is { } status)
        {
            invoices = invoices.Where(invoice => invoice.Status == status);
        }

        if (query.MinTotal is { } min)
        {
            invoices = invoices.Where(invoice => invoice.Total >= min);
        }

        if (query.MaxTotal is { } max)
        {
            invoices = invoices.Where(invoice => invoice.Total <= max);
        }

        return await invoices.ToNewestFirstPageAsync(query.Before, query.Limit, ItemOf, cancellationToken);
    }

    private static InvoiceListItem ItemOf(InvoiceDocument invoice) => new(
        invoice.Id, invoice.Kind, invoice.OrganizationId, invoice.CustomerName, BillingMonth.Format(invoice.Month), invoice.Status, invoice.Subtotal,
        invoice.Vat, invoice.Total, invoice.Lines, invoice.CorrectsId, invoice.SendFailure, invoice.IssuedAt, invoice.SentAt);
}
