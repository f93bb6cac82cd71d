using MassTransit;
using Modular.BuildingBlocks.Infrastructure.ReadModels;

namespace Modular.Tests.Probe;

/// <summary>The projection: counts each applied PingRecorded on the ping's document, a batch at a time.</summary>
public sealed class PingRecordedConsumer(ReadStore<ProbeDbContext> store, ProbeDbContext db) : IConsumer<Batch<PingRecorded>>
{
    public Task Consume(ConsumeContext<Batch<PingRecorded>> context) =>
        store.ApplyAsync<ProbeDbContext, PingDocument, PingRecorded>(
            db, context.Message.Select(ping => ping.Message).ToList(), ping => ping.PingId, (id, current, _) => PingDocument.Applied(current, id),
            context.CancellationToken);
}

/// <summary>
/// Always fails after it stored the ping's document, to prove dead-lettering after the configured attempts and that a
/// failed consumer leaves neither its document nor its inbox row; counts its attempts.
/// </summary>
public sealed class DoomedPingConsumer(ReadStore<ProbeDbContext> store, ProbeDbContext db, ProbeAttempts attempts) : IConsumer<DoomedPing>
{
    public async Task Consume(ConsumeContext<DoomedPing> context)
    {
        attempts.Record(context.Message.PingId);
        await store.ApplyAsync<ProbeDbContext, PingDocument, DoomedPing>(
            db, [context.Message], ping => ping.PingId, (id, current, _) => PingDocument.Applied(current, id), context.CancellationToken);
        throw new InvalidOperationException($"Ping {context.Message.PingId} is doomed.");
    }
}

public sealed class CounterReachedConsumer(ProbeDbContext db) : IConsumer<CounterReached>
{
    public Task Consume(ConsumeContext<CounterReached> context)
    {
        db.Add(new CounterReachedRecord { CounterId = context.Message.CounterId, Count = context.Message.Count });
        return Task.CompletedTask;
    }
}

/// <summary>Attempts per ping seen by the failing consumer (a singleton of the probe host).</summary>
public sealed class ProbeAttempts
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, int> _attempts = new();

    public void Record(Guid pingId) => _attempts.AddOrUpdate(pingId, 1, (_, count) => count + 1);

    public int Of(Guid pingId) => _attempts.TryGetValue(pingId, out var count) ? count : 0;
}
