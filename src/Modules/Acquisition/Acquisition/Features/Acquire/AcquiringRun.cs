using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Modular.Acquisition.Contracts;
using Modular.Acquisition.Domain;
using Modular.Acquisition.Infrastructure;
using Modular.BuildingBlocks.Infrastructure.Batching;

namespace Modular.Acquisition.Features.Acquire;

/// <summary>
/// One run of the loop: errors whose retry is due, then the payment queue, then the cancellation queue, each in chunks,
/// then the alerts of errors abandoned. Shutdown is checked between chunks only: a chunk begun is finished and committed.
/// A queue is read from its cursor less the lookback; every <see cref="AcquiringOptions.SweepInterval"/> (and on a new
/// leader's first run) from its start, for an approval whose commit came later than the lookback.
/// </summary>
internal sealed class AcquiringRun(
    AcquiringQueue queue,
    AcquisitionWriter writer,
    AcquiringErrorLog errors,
    AbandonedAlerts alerts,
    AcquiringLag lag,
    AcquisitionMetrics metrics,
    IOptions<AcquiringOptions> options,
    TimeProvider clock,
    ILogger<AcquiringRun> logger)
{
    private const string InsertFailed = "acquisition.insert_failed";

    private long _lastSweep;

    public async Task ExecuteAsync(AcquiringLeadership.AcquiringLease lease, CancellationToken stoppingToken)
    {
        var started = Stopwatch.GetTimestamp();
        var settings = options.Value;
        var sweep = _lastSweep == 0 || Stopwatch.GetElapsedTime(_lastSweep) > settings.SweepInterval;
        await RetryDueAsync(lease, stoppingToken);
        foreach (var kind in new[] { AcquisitionKind.Payment, AcquisitionKind.Cancellation })
        {
            await DrainAsync(kind, sweep, lease, stoppingToken);
        }

        if (sweep)
        {
            _lastSweep = started;
        }

        if (!stoppingToken.IsCancellationRequested)
        {
            await alerts.SendDueAsync(Now(), stoppingToken);
            await lag.MeasureAsync(settings.Lookback, stoppingToken);
        }

        metrics.RunCompleted(Stopwatch.GetElapsedTime(started));
    }

    private async Task DrainAsync(AcquisitionKind kind, bool sweep, AcquiringLeadership.AcquiringLease lease, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var cursor = await queue.CursorAsync(kind);
        var position = sweep ? QueuePosition.Start : cursor.Before(settings.Lookback);
        var pinned = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            await lease.EnsureHeldAsync();
            var items = await queue.NextAsync(kind, position, settings.ChunkSize);
            if (items.Count == 0)
            {
                return;
            }

            var unrecorded = await AcquireAsync(items);
            if (!pinned)
            {
                // The cursor stops before the first item whose error could not be recorded, so the next run reads it
                // again (items after it that were acquired are skipped by the queue). The run itself goes on.
                var firstUnrecorded = items.FindIndex(item => unrecorded.Contains(item.PaymentId));
                var safe = firstUnrecorded switch
                {
                    < 0 => items[^1].Position,
                    0 => cursor,
                    _ => items[firstUnrecorded - 1].Position,
                };
                if (safe.CompareTo(cursor) > 0)
                {
                    await queue.AdvanceCursorAsync(kind, safe);
                    cursor = safe;
                }

                pinned = firstUnrecorded >= 0;
            }

            position = items[^1].Position;
            if (items.Count < settings.ChunkSize)
            {
                return;
            }
        }
    }

    private async Task RetryDueAsync(AcquiringLeadership.AcquiringLease lease, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            await lease.EnsureHeldAsync();
            var due = await errors.DueAsync(Now(), settings.ChunkSize);
            foreach (var group in due.GroupBy(error => error.Kind))
            {
                var kind = Enum.Parse<AcquisitionKind>(group.Key);
                var ids = group.Select(error => error.PaymentId).ToList();
                var items = await queue.ByIdsAsync(kind, ids);
                var found = items.Select(item => item.PaymentId).ToHashSet();
                var gone = ids.Where(id => !found.Contains(id)).Select(id => (id, group.Key)).ToList();
                if (gone.Count > 0)
                {
                    await errors.CloseAsync(gone, Now());
                }

                await AcquireAsync(items);
            }

            if (due.Count < settings.ChunkSize)
            {
                return;
            }
        }
    }

    /// <summary>Validates a chunk, records the bad items, and stores the good ones (a failing one is set apart alone).</summary>
    /// <returns>The items whose error could not be recorded.</returns>
    private async Task<IReadOnlySet<Guid>> AcquireAsync(IReadOnlyList<AcquiringCandidate> items)
    {
        var settings = options.Value;
        var now = Now();
        var entries = new List<AcquisitionEntry>(items.Count);
        var failures = new List<AcquiringFailure>();
        var byPayment = new Dictionary<Guid, AcquiringCandidate>(items.Count);
        foreach (var item in items)
        {
            byPayment[item.PaymentId] = item;
            var (entry, reasons) = AcquisitionValidation.Validate(item, settings.MaxAmount, now);
            if (entry is not null)
            {
                entries.Add(entry);
            }
            else
            {
                failures.Add(new AcquiringFailure(item, reasons));
            }
        }

        var unrecorded = new HashSet<Guid>(await errors.RecordAsync(failures, now));
        if (entries.Count == 0)
        {
            return unrecorded;
        }

        var setApart = new List<AcquiringFailure>();
        await BatchIsolation.RunAsync(entries, async chunk =>
        {
            var recorded = await writer.WriteAsync(chunk, now);
            metrics.Acquired(recorded);
        }, (entry, exception) =>
        {
            logger.LogError(exception, "Acquisition of {Kind} {PaymentId} failed alone; it is recorded as an error", entry.Kind, entry.PaymentId);
            setApart.Add(new AcquiringFailure(byPayment[entry.PaymentId], [new AcquiringReason(InsertFailed, exception.Message)]));
            return Task.CompletedTask;
        });
        unrecorded.UnionWith(await errors.RecordAsync(setApart, now));
        return unrecorded;
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
