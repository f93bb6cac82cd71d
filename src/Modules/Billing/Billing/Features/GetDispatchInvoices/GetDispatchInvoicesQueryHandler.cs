using MediatR;
using Microsoft.EntityFrameworkCore;
using Modular.Billing.Infrastructure;

namespace Modular.Billing.Features.GetDispatchInvoices;

internal sealed class GetDispatchInvoicesQueryHandler(BillingDbContext db) : IRequestHandler<GetDispatchInvoicesQuery, IReadOnlyList<DispatchInvoiceOutcome>>
{
    public async Task<IReadOnlyList<DispatchInvoiceOutcome>> Handle(GetDispatchInvoicesQuery query, CancellationToken cancellationToken)
    {
        _ = await DispatchRows.FindAsync(db, query.DispatchId, cancellationToken) ?? throw DispatchErrors.NotFound(query.DispatchId);
        // The primary key (dispatch_id, invoice_id) serves it; a status filter uses dispatch_items_by_status.
        return await db.Database.SqlQuery<DispatchInvoiceOutcome>($"""
            SELECT invoice_id AS "InvoiceId", position AS "Position", status AS "Status", recipient AS "Recipient", reason AS "Reason",
                   attempts AS "Attempts", updated_at AS "UpdatedAt"
              FROM billing.dispatch_items WHERE dispatch_id = {query.DispatchId} AND ({query.Status}::text IS NULL OR status = {query.Status})
             ORDER BY position
            """).ToListAsync(cancellationToken);
    }
}
