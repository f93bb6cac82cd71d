using Microsoft.EntityFrameworkCore;
using Modular.Ordering.Contracts;
using Modular.Ordering.Infrastructure;

namespace Modular.Ordering.ReadModels;

/// <summary>Bulk-order documents rebuilt from the write model's jobs, their lines counted per result in the same query.</summary>
internal static class BulkOrderRebuild
{
    public const string Table = "ordering.bulk_orders";

    public static async Task<IReadOnlyCollection<BulkOrderDocument>> LoadAsync(OrderingDbContext db, Guid[] ids, CancellationToken cancellationToken)
    {
        var jobs = await db.Database.SqlQuery<BulkOrderRow>($"""
            SELECT b.id AS "Id", b.organization_id AS "OrganizationId", b.customer_id AS "CustomerId", b.mode AS "Mode", b.status AS "Status",
                   b.order_id AS "OrderId", b.created_at AS "SubmittedAt", b.completed_at AS "CompletedAt",
                   count(l.line_no)::int AS "LineCount", count(*) FILTER (WHERE l.result = 'Reserved')::int AS "Reserved",
                   count(*) FILTER (WHERE l.result = 'Short')::int AS "Short", count(*) FILTER (WHERE l.result = 'Released')::int AS "Released"
              FROM ordering.bulk_orders AS b LEFT JOIN ordering.bulk_order_lines AS l ON l.bulk_order_id = b.id
             WHERE b.id = ANY({ids})
             GROUP BY b.id
            """).ToListAsync(cancellationToken);
        return jobs.Select(job => BulkOrderDocument.Of(job.Id, existing: null, new BulkOrderChanged(
            job.Id, job.OrganizationId, job.CustomerId, job.Mode, job.Status, job.OrderId, job.LineCount, job.Reserved, job.Short, job.Released,
            new DateTimeOffset(job.SubmittedAt, TimeSpan.Zero), job.CompletedAt is { } completedAt ? new DateTimeOffset(completedAt, TimeSpan.Zero) : null)))
            .ToList();
    }

    /// <summary>The projections' rule: the furthest status wins (a rebuilt Pending never replaces a settled document).</summary>
    public static BulkOrderDocument Merge(BulkOrderDocument? current, BulkOrderDocument rebuilt) =>
        current is not null && BulkOrderStates.Rank(current.Status) >= BulkOrderStates.Rank(rebuilt.Status) ? current : rebuilt;

    private sealed record BulkOrderRow(
        Guid Id, Guid OrganizationId, Guid CustomerId, string Mode, string Status, Guid? OrderId, DateTime SubmittedAt, DateTime? CompletedAt,
        int LineCount, int Reserved, int Short, int Released);
}
