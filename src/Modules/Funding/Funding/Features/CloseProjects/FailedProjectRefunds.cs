using Microsoft.EntityFrameworkCore;
using Modular.Acquisition.Contracts;
using Modular.Funding.Contracts;
using Modular.Funding.Infrastructure;

namespace Modular.Funding.Features.CloseProjects;

/// <summary>
/// A failed project gives every backer's money back: Completed pledges become Refunded, Pending ones Cancelled (their
/// saga then voids the approval that may still come), rewards are released, the refunded amounts leave the totals, and
/// each payment is voided through the outbox, all set-based in the close's transaction.
/// </summary>
internal static class FailedProjectRefunds
{
    public static async Task<int> RefundAllAsync(FundingDbContext db, Guid projectId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var moved = await db.Database.SqlQuery<RefundedPledge>($"""
            WITH old AS (
                SELECT id, status FROM funding.pledges WHERE project_id = {projectId} AND status IN ('Pending', 'Completed') FOR UPDATE)
            UPDATE funding.pledges p
               SET status = CASE old.status WHEN 'Completed' THEN 'Refunded' ELSE 'Cancelled' END,
                   reason = {PledgeRows.ProjectFailed}, updated_at = {now}
              FROM old WHERE p.id = old.id
            RETURNING p.id AS "Id", p.organization_id AS "OrganizationId", p.merchant_id AS "MerchantId", p.backer_id AS "BackerId",
                      p.tier_id AS "TierId", p.amount AS "Amount", old.status AS "PreviousStatus", p.created_at AS "CreatedAt"
            """).ToListAsync(cancellationToken);
        if (moved.Count == 0)
        {
            return 0;
        }

        var releasedTiers = moved.Where(pledge => pledge.TierId is not null).GroupBy(pledge => pledge.TierId!.Value).ToList();
        var releasedIds = releasedTiers.Select(group => group.Key).ToArray();
        var releasedCounts = releasedTiers.Select(group => group.Count()).ToArray();
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE funding.reward_tiers t SET reserved = t.reserved - r.n
              FROM unnest({releasedIds}::uuid[], {releasedCounts}::integer[]) AS r(id, n) WHERE t.id = r.id
            """, cancellationToken);

        // Sums over stripes are what count, so the refunds come off one stripe per tier.
        var refunds = moved.Where(pledge => pledge.PreviousStatus == PledgeRows.Completed)
            .GroupBy(pledge => pledge.TierId ?? ProjectTotals.NoTier).ToList();
        var tierKeys = refunds.Select(group => group.Key).ToArray();
        var amounts = refunds.Select(group => -group.Sum(pledge => pledge.Amount)).ToArray();
        var backers = refunds.Select(group => -group.Count()).ToArray();
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO funding.project_totals AS t (project_id, tier_key, stripe, amount, backers)
            SELECT {projectId}, tier_key, 0, amount, backers FROM unnest({tierKeys}::uuid[], {amounts}::bigint[], {backers}::integer[]) AS r(tier_key, amount, backers)
            ON CONFLICT (project_id, tier_key, stripe) DO UPDATE SET amount = t.amount + excluded.amount, backers = t.backers + excluded.backers
            """, cancellationToken);

        foreach (var pledge in moved)
        {
            var status = pledge.PreviousStatus == PledgeRows.Completed ? PledgeRows.Refunded : PledgeRows.Cancelled;
            db.Publish(new PledgeChanged(
                pledge.Id, projectId, pledge.OrganizationId, pledge.BackerId, pledge.TierId, pledge.Amount, status, pledge.PreviousStatus,
                PledgeRows.ProjectFailed, new DateTimeOffset(pledge.CreatedAt, TimeSpan.Zero), now));
            db.Publish(new CancelPayment(pledge.MerchantId, pledge.Id));
        }

        return moved.Count;
    }

    private sealed record RefundedPledge(
        Guid Id, Guid OrganizationId, Guid MerchantId, Guid BackerId, Guid? TierId, long Amount, string PreviousStatus, DateTime CreatedAt);
}
