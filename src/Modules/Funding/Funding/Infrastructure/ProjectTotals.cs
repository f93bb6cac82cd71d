using Microsoft.EntityFrameworkCore;
using Modular.Funding.Contracts;

namespace Modular.Funding.Infrastructure;

/// <summary>
/// The write side's totals (amount and backers per project and tier): commutative increments, INSERT … ON CONFLICT
/// DO UPDATE SET x = x + d, on one of 16 stripes chosen by the pledge id. No read-modify-write, no version check, so an
/// increment never fails under contention and is never lost; concurrent completions of one project mostly touch
/// different rows. <see cref="NoTier"/> is the tier key of pledges without a reward.
/// </summary>
internal static class ProjectTotals
{
    public const int Stripes = 16;
    public static readonly Guid NoTier = Guid.Empty;

    public static Task AddAsync(FundingDbContext db, PledgeChanged pledge, int sign, CancellationToken cancellationToken)
    {
        var stripe = (short)((pledge.PledgeId.GetHashCode() & int.MaxValue) % Stripes);
        var amount = checked(sign * pledge.Amount);
        return db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO funding.project_totals AS t (project_id, tier_key, stripe, amount, backers)
            VALUES ({pledge.ProjectId}, {pledge.TierId ?? NoTier}, {stripe}, {amount}, {sign})
            ON CONFLICT (project_id, tier_key, stripe) DO UPDATE SET amount = t.amount + excluded.amount, backers = t.backers + excluded.backers
            """, cancellationToken);
    }

    /// <summary>What a project has raised: the sum of its Completed pledges.</summary>
    public static Task<long> RaisedAsync(FundingDbContext db, Guid projectId, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<long>($"SELECT coalesce(sum(amount), 0)::bigint AS \"Value\" FROM funding.project_totals WHERE project_id = {projectId}")
            .SingleAsync(cancellationToken);
}
