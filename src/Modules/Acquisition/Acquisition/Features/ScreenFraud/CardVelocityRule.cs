using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Modular.Acquisition.Infrastructure;

namespace Modular.Acquisition.Features.ScreenFraud;

/// <summary>
/// Flags a card approved n times within t. Each screened approval is remembered in fraud_card_approvals (by card key,
/// never the token); one statement counts, for every payment of the chunk, its card's approvals in the window before it
/// (index fraud_card_approvals_by_card). Approvals older than any window still to be screened are pruned.
/// </summary>
internal sealed class CardVelocityRule(AcquisitionDbContext db, IOptions<FraudRuleOptions> options) : IFraudRule
{
    // Acquisitions arrive in approval order, give or take the chunks in flight: keep this much history beyond the window.
    private static readonly TimeSpan LateArrivalMargin = TimeSpan.FromHours(1);

    public string Code => "card_velocity";

    public async Task<IReadOnlyList<FraudFinding>> ScreenAsync(IReadOnlyList<ScreenedPayment> payments, CancellationToken cancellationToken)
    {
        var carded = payments.Where(payment => payment.CardKey is not null).ToList();
        if (carded.Count == 0)
        {
            return [];
        }

        var (count, window) = (options.Value.CardVelocityCount, options.Value.CardVelocityWindow);
        var ids = carded.Select(payment => payment.Acquisition.AcquisitionId).ToArray();
        var keys = carded.Select(payment => payment.CardKey!).ToArray();
        var times = carded.Select(payment => payment.Acquisition.ApprovedAt.UtcDateTime).ToArray();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO acquisition.fraud_card_approvals (acquisition_id, card_key, approved_at)
            SELECT * FROM unnest({ids}, {keys}, {times}) ON CONFLICT DO NOTHING
            """, cancellationToken);
        var hits = await db.Database.SqlQuery<CardApprovals>($"""
            SELECT p.acquisition_id AS "AcquisitionId", count(*)::int AS "Approvals"
            FROM unnest({ids}, {keys}, {times}) AS p (acquisition_id, card_key, approved_at)
            JOIN acquisition.fraud_card_approvals a
              ON a.card_key = p.card_key AND a.approved_at > p.approved_at - {window} AND a.approved_at <= p.approved_at
            GROUP BY p.acquisition_id
            HAVING count(*) >= {count}
            """).ToListAsync(cancellationToken);
        var oldest = times.Min() - window - LateArrivalMargin;
        await db.Database.ExecuteSqlAsync($"DELETE FROM acquisition.fraud_card_approvals WHERE approved_at < {oldest}", cancellationToken);

        var byId = carded.ToDictionary(payment => payment.Acquisition.AcquisitionId);
        return hits.Select(hit => new FraudFinding(byId[hit.AcquisitionId], string.Create(CultureInfo.InvariantCulture,
            $"The card was approved {hit.Approvals} times within {window.TotalMinutes:0.#} minutes (the limit is {count - 1})."))).ToList();
    }

    private sealed record CardApprovals(Guid AcquisitionId, int Approvals);
}
