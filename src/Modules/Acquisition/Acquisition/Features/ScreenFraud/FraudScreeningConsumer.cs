using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Modular.Acquisition.Contracts;
using Modular.Acquisition.Domain;
using Modular.Acquisition.Infrastructure;
using Modular.BuildingBlocks.Infrastructure.Batching;

namespace Modular.Acquisition.Features.ScreenFraud;

/// <summary>
/// Fraud detection after commit: screens each chunk of acquired payments with every rule, in this consumer's own inbox
/// transaction, long after the acquisitions committed, so nothing here can hold up or undo acquiring. Each rule runs in
/// a savepoint; one that throws (anything but a transient fault, which retries the whole chunk) is rolled back to it,
/// recorded in fraud_rule_failures, counted and logged, and the other rules' findings still become detections.
/// </summary>
internal sealed partial class FraudScreeningConsumer(
    AcquisitionDbContext db, IEnumerable<IFraudRule> rules, FraudMetrics metrics, TimeProvider clock, ILogger<FraudScreeningConsumer> logger)
    : IConsumer<AcquisitionsRecorded>
{
    public async Task Consume(ConsumeContext<AcquisitionsRecorded> context)
    {
        var acquired = context.Message.Acquisitions.Where(entry => entry.Kind == nameof(AcquisitionKind.Payment)).ToList();
        if (acquired.Count == 0)
        {
            return;
        }

        var payments = await WithCardKeysAsync(acquired, context.CancellationToken);
        var transaction = db.Database.CurrentTransaction ?? throw new InvalidOperationException("Fraud screening runs in the inbox transaction.");
        var findings = new List<(string Rule, FraudFinding Finding)>();
        foreach (var rule in rules)
        {
            findings.AddRange((await ScreenAsync(rule, payments, transaction, context.MessageId, context.CancellationToken)).Select(finding => (rule.Code, finding)));
        }

        metrics.Screened(payments.Count);
        findings = await WithoutEarlierDetectionsAsync(findings, context.CancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (rule, finding) in findings)
        {
            var entry = finding.Payment.Acquisition;
            var detection = FraudDetection.Detect(
                entry.AcquisitionId, entry.PaymentId, entry.MerchantId, entry.OrganizationId, rule, finding.Reason, entry.Amount, entry.ApprovedAt.UtcDateTime, now);
            db.FraudDetections.Add(detection);
            db.Publish(FraudDetectionRecords.Of(detection));
        }

        foreach (var rule in findings.GroupBy(found => found.Rule))
        {
            metrics.Detected(rule.Key, rule.Count());
        }
    }

    private async Task<IReadOnlyList<FraudFinding>> ScreenAsync(
        IFraudRule rule, IReadOnlyList<ScreenedPayment> payments, IDbContextTransaction transaction, Guid? messageId, CancellationToken cancellationToken)
    {
        var savepoint = "fraud_rule_" + rule.Code;
        await transaction.CreateSavepointAsync(savepoint, cancellationToken);
        try
        {
            var findings = await rule.ScreenAsync(payments, cancellationToken);
            await transaction.ReleaseSavepointAsync(savepoint, cancellationToken);
            return findings;
        }
        catch (Exception exception) when (!BatchIsolation.IsTransient(exception))
        {
            await transaction.RollbackToSavepointAsync(savepoint, cancellationToken);
            LogRuleFailed(logger, exception, rule.Code, payments.Count);
            metrics.RuleFailed(rule.Code);
            var error = exception.GetType().Name + ": " + exception.Message;
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO acquisition.fraud_rule_failures (id, rule, message_id, payments, error, occurred_at)
                VALUES ({Guid.CreateVersion7()}, {rule.Code}, {messageId}, {payments.Count}, {error}, {clock.GetUtcNow().UtcDateTime})
                """, cancellationToken);
            return [];
        }
    }

    /// <summary>An acquisition is in one chunk only, but should one be published twice, it is not detected twice.</summary>
    private async Task<List<(string Rule, FraudFinding Finding)>> WithoutEarlierDetectionsAsync(
        List<(string Rule, FraudFinding Finding)> findings, CancellationToken cancellationToken)
    {
        if (findings.Count == 0)
        {
            return findings;
        }

        var acquisitionIds = findings.Select(found => found.Finding.Payment.Acquisition.AcquisitionId).Distinct().ToList();
        var earlier = (await db.FraudDetections.Where(detection => acquisitionIds.Contains(detection.AcquisitionId))
                .Select(detection => new { detection.AcquisitionId, detection.Rule }).ToListAsync(cancellationToken))
            .Select(detection => (detection.AcquisitionId, detection.Rule)).ToHashSet();
        return findings.Where(found => !earlier.Contains((found.Finding.Payment.Acquisition.AcquisitionId, found.Rule))).ToList();
    }

    /// <summary>The card of each payment, as a hash of its token: the key card velocity counts by, one query per chunk.</summary>
    private async Task<IReadOnlyList<ScreenedPayment>> WithCardKeysAsync(IReadOnlyList<AcquisitionEntry> acquired, CancellationToken cancellationToken)
    {
        var paymentIds = acquired.Select(entry => entry.PaymentId).Distinct().ToArray();
        var keys = await db.Database.SqlQuery<PaymentCard>($"""
                SELECT id AS "PaymentId", encode(sha256(convert_to(card_token, 'UTF8')), 'hex') AS "CardKey"
                FROM acquisition.payment_transactions WHERE id = ANY({paymentIds})
                """)
            .ToDictionaryAsync(card => card.PaymentId, card => card.CardKey, cancellationToken);
        return acquired.Select(entry => new ScreenedPayment(entry, keys.GetValueOrDefault(entry.PaymentId))).ToList();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Fraud rule {Rule} failed on {Payments} payments and was skipped; the other rules' findings stand")]
    private static partial void LogRuleFailed(ILogger logger, Exception exception, string rule, int payments);

    private sealed record PaymentCard(Guid PaymentId, string CardKey);
}
