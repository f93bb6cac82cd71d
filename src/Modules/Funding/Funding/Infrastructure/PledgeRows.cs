using Microsoft.EntityFrameworkCore;
using Modular.Funding.Contracts;

namespace Modular.Funding.Infrastructure;

/// <summary>
/// State changes of a pledge row, each one conditional UPDATE on the expected status, so a change happens exactly once
/// however often or concurrently it is asked for. Leaving a live status releases the reward and, from Completed, takes
/// the pledge out of the totals, in the same transaction; each change publishes its <see cref="PledgeChanged"/>.
/// </summary>
internal static class PledgeRows
{
    public const string Pending = "Pending";
    public const string Completed = "Completed";
    public const string Failed = "Failed";
    public const string Cancelled = "Cancelled";
    public const string Refunded = "Refunded";

    public const string BackerCancelled = "backer.cancelled";
    public const string ProjectFailed = "project.failed";

    /// <summary>Pending → Completed, counted into the totals; null when the pledge was no longer Pending.</summary>
    public static async Task<PledgeMove?> CompleteAsync(FundingDbContext db, Guid pledgeId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var changed = await MoveAsync(db, pledgeId, [Pending], Completed, reason: null, backerId: null, onlyWhileOpen: false, at, cancellationToken);
        if (changed is not null)
        {
            await ProjectTotals.AddAsync(db, changed.Change, +1, cancellationToken);
        }

        return changed;
    }

    /// <summary>Pending → Failed (declined, timed out) with the reward released; null when it was no longer Pending.</summary>
    public static Task<PledgeMove?> FailAsync(FundingDbContext db, Guid pledgeId, string reason, DateTimeOffset at, CancellationToken cancellationToken) =>
        MoveAsync(db, pledgeId, [Pending], Failed, reason, backerId: null, onlyWhileOpen: false, at, cancellationToken);

    /// <summary>The backer's cancel of a Pending or Completed pledge while the project is Open; null when not possible.</summary>
    public static async Task<PledgeMove?> CancelAsync(FundingDbContext db, Guid pledgeId, Guid backerId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var changed = await MoveAsync(db, pledgeId, [Pending, Completed], Cancelled, BackerCancelled, backerId, onlyWhileOpen: true, at, cancellationToken);
        if (changed is { Change.PreviousStatus: Completed })
        {
            await ProjectTotals.AddAsync(db, changed.Change, -1, cancellationToken);
        }

        return changed;
    }

    private static async Task<PledgeMove?> MoveAsync(
        FundingDbContext db, Guid pledgeId, string[] from, string to, string? reason, Guid? backerId, bool onlyWhileOpen, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        // The CTE locks the row and keeps its previous status; the UPDATE's RETURNING sees only the new one.
        var rows = await db.Database.SqlQuery<MovedPledge>($"""
            WITH old AS (
                SELECT p.id, p.status FROM funding.pledges p
                 WHERE p.id = {pledgeId} AND p.status = ANY({from}) AND ({backerId}::uuid IS NULL OR p.backer_id = {backerId})
                   AND (NOT {onlyWhileOpen} OR EXISTS (SELECT 1 FROM funding.projects j WHERE j.id = p.project_id AND j.status = 'Open'))
                   FOR UPDATE OF p)
            UPDATE funding.pledges p SET status = {to}, reason = {reason}, updated_at = {at}
              FROM old WHERE p.id = old.id
            RETURNING p.id AS "Id", p.project_id AS "ProjectId", p.organization_id AS "OrganizationId", p.merchant_id AS "MerchantId",
                      p.backer_id AS "BackerId", p.tier_id AS "TierId", p.amount AS "Amount", old.status AS "PreviousStatus",
                      p.created_at AS "CreatedAt"
            """).ToListAsync(cancellationToken);
        if (rows is not [var moved])
        {
            return null;
        }

        if (to is Failed or Cancelled or Refunded && moved.TierId is { } tierId)
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE funding.reward_tiers SET reserved = reserved - 1 WHERE id = {tierId}", cancellationToken);
        }

        var changed = new PledgeChanged(
            moved.Id, moved.ProjectId, moved.OrganizationId, moved.BackerId, moved.TierId, moved.Amount, to, moved.PreviousStatus, reason,
            new DateTimeOffset(moved.CreatedAt, TimeSpan.Zero), at);
        db.Publish(changed);
        return new PledgeMove(changed, moved.MerchantId);
    }

    private sealed record MovedPledge(
        Guid Id, Guid ProjectId, Guid OrganizationId, Guid MerchantId, Guid BackerId, Guid? TierId, long Amount, string PreviousStatus, DateTime CreatedAt);
}

/// <summary>A pledge's change and the merchant its payment is on (for a CancelPayment).</summary>
internal sealed record PledgeMove(PledgeChanged Change, Guid MerchantId);
