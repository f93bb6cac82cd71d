using Microsoft.EntityFrameworkCore;

namespace Modular.Billing.Infrastructure;

/// <summary>Item statuses of a dispatch. Pending → Sending → Sent | Failed; Pending → Skipped | Cancelled.</summary>
internal static class ItemStatus
{
    public const string Pending = "Pending";
    public const string Sending = "Sending";
    public const string Sent = "Sent";
    public const string Failed = "Failed";
    public const string Skipped = "Skipped";
    public const string Cancelled = "Cancelled";
}

/// <summary>Dispatch statuses: Running until no item is Pending (Completed), or Cancelled by an operator.</summary>
internal static class DispatchStatus
{
    public const string Running = "Running";
    public const string Completed = "Completed";
    public const string Cancelled = "Cancelled";
}

internal sealed record DispatchRow(Guid Id, string Status, Guid RequestedBy, int Total, int ContactLookups, DateTime CreatedAt, DateTime UpdatedAt, DateTime? FinishedAt);

internal sealed record ItemCount(string Status, int Count);

/// <summary>
/// The dispatch tables' SQL: only Billing's dispatch features and worker write them. Every transition is a conditional
/// UPDATE on the expected status, so a cancel, a retry and the worker never overwrite each other's outcome.
/// </summary>
internal static class DispatchRows
{
    public static Task<DispatchRow?> FindAsync(BillingDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<DispatchRow>($"""
            SELECT id AS "Id", status AS "Status", requested_by AS "RequestedBy", total AS "Total", contact_lookups AS "ContactLookups",
                   created_at AS "CreatedAt", updated_at AS "UpdatedAt", finished_at AS "FinishedAt"
              FROM billing.dispatches WHERE id = {id}
            """).SingleOrDefaultAsync(cancellationToken);

    /// <summary>Served by dispatch_items_by_status (dispatch_id, status).</summary>
    public static Task<List<ItemCount>> CountsAsync(BillingDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<ItemCount>($"""
            SELECT status AS "Status", count(*)::int AS "Count" FROM billing.dispatch_items WHERE dispatch_id = {id} GROUP BY status
            """).ToListAsync(cancellationToken);

    public static async Task InsertAsync(BillingDbContext db, Guid id, Guid requestedBy, IReadOnlyList<Guid> invoiceIds, DateTime now, CancellationToken cancellationToken)
    {
        var ids = invoiceIds.ToArray();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO billing.dispatches (id, status, requested_by, total, created_at, updated_at)
            VALUES ({id}, {DispatchStatus.Running}, {requestedBy}, {ids.Length}, {now}, {now})
            """, cancellationToken);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO billing.dispatch_items (dispatch_id, invoice_id, position, status, updated_at)
            SELECT {id}, invoice_id, position::int, {ItemStatus.Pending}, {now} FROM unnest({ids}) WITH ORDINALITY AS item (invoice_id, position)
            """, cancellationToken);
    }
}
