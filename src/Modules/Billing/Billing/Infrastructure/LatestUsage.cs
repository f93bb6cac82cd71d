using Microsoft.EntityFrameworkCore;

namespace Modular.Billing.Infrastructure;

/// <summary>Per API key, its latest batch of a month: one row per product of that batch.</summary>
internal sealed record LatestUsageRow(Guid OrganizationId, string ApiKey, DateOnly BatchDate, string Product, long Quantity, string Unit);

internal static class LatestUsage
{
    /// <summary>
    /// The keys used in the month (usage_records_by_month, or usage_records_by_organization_month for one organization),
    /// then per key one descent of usage_records_latest_batch (api_key, batch_date DESC) to its latest batch date, and a
    /// second probe of the same index on (api_key, that date) for that batch's rows only. docs/modules/billing.md shows
    /// the plan.
    /// </summary>
    public static Task<List<LatestUsageRow>> OfMonthAsync(BillingDbContext db, DateOnly month, Guid? organizationId, CancellationToken cancellationToken)
    {
        var end = month.AddMonths(1);
        return db.Database.SqlQuery<LatestUsageRow>($"""
            WITH keys AS (
                SELECT DISTINCT organization_id, api_key FROM billing.usage_records
                 WHERE batch_date >= {month} AND batch_date < {end} AND ({organizationId}::uuid IS NULL OR organization_id = {organizationId}))
            SELECT keys.organization_id AS "OrganizationId", keys.api_key AS "ApiKey", usage.batch_date AS "BatchDate",
                   usage.product AS "Product", usage.quantity AS "Quantity", usage.unit AS "Unit"
              FROM keys
             CROSS JOIN LATERAL (
                   SELECT batch_date, product, quantity, unit FROM billing.usage_records
                    WHERE api_key = keys.api_key
                      AND batch_date = (SELECT batch_date FROM billing.usage_records
                                         WHERE api_key = keys.api_key AND batch_date >= {month} AND batch_date < {end}
                                         ORDER BY batch_date DESC LIMIT 1)) AS usage
             ORDER BY keys.organization_id, keys.api_key, usage.product
            """).ToListAsync(cancellationToken);
    }
}
