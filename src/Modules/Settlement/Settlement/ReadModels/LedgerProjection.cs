using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Modular.Acquisition.Contracts;
using Modular.Settlement.Domain;
using Modular.Settlement.Infrastructure;

namespace Modular.Settlement.ReadModels;

/// <summary>
/// Ledgers Acquisition's committed chunks: a batch of messages (each up to 1,000 acquisitions) is one inbox transaction,
/// so each message is applied exactly once, and its rows go in by multi-row INSERT. An entry the ledger cannot hold is
/// set apart in <c>settlement.unledgered_acquisitions</c>; the rest of its chunk is ledgered.
/// </summary>
internal sealed class LedgerProjection(
    SettlementDbContext db, IOptions<SettlementOptions> options, SettlementMetrics metrics, TimeProvider clock, ILogger<LedgerProjection> logger)
    : IConsumer<Batch<AcquisitionsRecorded>>
{
    public async Task Consume(ConsumeContext<Batch<AcquisitionsRecorded>> context)
    {
        var settings = options.Value;
        var rows = new List<LedgerEntry>();
        var refused = new List<(AcquisitionEntry Entry, string Reason)>();
        foreach (var entry in context.Message.SelectMany(message => message.Message.Acquisitions))
        {
            try
            {
                rows.AddRange(LedgerEntries.Of(entry, settings.PgCode));
            }
            catch (Exception exception) when (exception is ArgumentException or OverflowException)
            {
                refused.Add((entry, exception.Message));
            }
        }

        var added = await LedgerRows.AddAsync(db, rows, settings.LedgerInsertChunk, context.CancellationToken);
        foreach (var (entry, reason) in refused)
        {
            logger.LogError("Acquisition {AcquisitionId} was not ledgered: {Reason}", entry.AcquisitionId, reason);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO settlement.unledgered_acquisitions (acquisition_id, reason, entry, received_at)
                VALUES ({entry.AcquisitionId}, {reason}, {JsonSerializer.Serialize(entry)}::jsonb, {clock.GetUtcNow()})
                ON CONFLICT (acquisition_id) DO UPDATE SET reason = excluded.reason, entry = excluded.entry, received_at = excluded.received_at
                """, context.CancellationToken);
        }

        metrics.Ledgered(added, refused.Count);
    }
}
