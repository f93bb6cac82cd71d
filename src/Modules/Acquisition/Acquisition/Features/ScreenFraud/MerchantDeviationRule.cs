using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Modular.Acquisition.Infrastructure;

namespace Modular.Acquisition.Features.ScreenFraud;

/// <summary>
/// Flags a payment k standard deviations above its merchant's mean amount. Each merchant's running statistics (count,
/// mean and sum of squared differences, Welford's method) live in fraud_merchant_amounts: a chunk locks its merchants'
/// rows in key order (two chunks of one merchant wait for each other, never deadlock), judges each payment against the
/// statistics before it, folds it in, and writes the rows back. No history is ever scanned.
/// </summary>
internal sealed class MerchantDeviationRule(AcquisitionDbContext db, IOptions<FraudRuleOptions> options) : IFraudRule
{
    public string Code => "merchant_deviation";

    public async Task<IReadOnlyList<FraudFinding>> ScreenAsync(IReadOnlyList<ScreenedPayment> payments, CancellationToken cancellationToken)
    {
        var (deviations, minimumSamples) = (options.Value.MerchantDeviations, options.Value.MerchantMinimumSamples);
        var merchantIds = payments.Select(payment => payment.Acquisition.MerchantId).Distinct().Order().ToArray();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO acquisition.fraud_merchant_amounts (merchant_id, count, mean, m2)
            SELECT unnest({merchantIds}), 0, 0, 0 ON CONFLICT DO NOTHING
            """, cancellationToken);
        var statistics = (await db.Database.SqlQuery<AmountStatistics>($"""
                SELECT merchant_id AS "MerchantId", count AS "Count", mean AS "Mean", m2 AS "M2"
                FROM acquisition.fraud_merchant_amounts WHERE merchant_id = ANY({merchantIds}) ORDER BY merchant_id FOR UPDATE
                """).ToListAsync(cancellationToken))
            .ToDictionary(row => row.MerchantId);

        var findings = new List<FraudFinding>();
        foreach (var payment in payments.OrderBy(payment => payment.Acquisition.ApprovedAt))
        {
            var before = statistics[payment.Acquisition.MerchantId];
            var amount = payment.Acquisition.Amount;
            if (before.Count >= minimumSamples && before.StandardDeviation > 0 && amount > before.Mean + deviations * before.StandardDeviation)
            {
                findings.Add(new FraudFinding(payment, string.Create(CultureInfo.InvariantCulture,
                    $"The amount of {amount:N0} KRW is {(amount - before.Mean) / before.StandardDeviation:0.0} standard deviations above the merchant's mean of {before.Mean:N0} KRW over {before.Count} payments.")));
            }

            statistics[payment.Acquisition.MerchantId] = before.With(amount);
        }

        var rows = statistics.Values.ToList();
        await db.Database.ExecuteSqlAsync($"""
            UPDATE acquisition.fraud_merchant_amounts s SET count = n.count, mean = n.mean, m2 = n.m2
            FROM unnest({rows.Select(row => row.MerchantId).ToArray()}, {rows.Select(row => row.Count).ToArray()},
                        {rows.Select(row => row.Mean).ToArray()}, {rows.Select(row => row.M2).ToArray()}) AS n (merchant_id, count, mean, m2)
            WHERE s.merchant_id = n.merchant_id
            """, cancellationToken);
        return findings;
    }

    private sealed record AmountStatistics(Guid MerchantId, long Count, double Mean, double M2)
    {
        public double StandardDeviation => Count > 1 ? Math.Sqrt(M2 / (Count - 1)) : 0;

        public AmountStatistics With(long amount)
        {
            var count = Count + 1;
            var delta = amount - Mean;
            var mean = Mean + delta / count;
            return this with { Count = count, Mean = mean, M2 = M2 + delta * (amount - mean) };
        }
    }
}
