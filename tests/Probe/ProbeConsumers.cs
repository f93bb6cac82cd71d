using MassTransit;

namespace Modular.Tests.Probe;

/// <summary>The projection: records one effect row per applied PingRecorded, a batch at a time.</summary>
public sealed class PingRecordedConsumer(ProbeDbContext db) : IConsumer<Batch<PingRecorded>>
{
    public Task Consume(ConsumeContext<Batch<PingRecorded>> context)
    {
        db.AddRange(context.Message.Select(ping => new PingEffect { PingId = ping.Message.PingId }));
        return Task.CompletedTask;
    }
}

/// <summary>Always fails, to prove dead-lettering after the configured attempts; counts its attempts.</summary>
public sealed class DoomedPingConsumer(ProbeAttempts attempts) : IConsumer<DoomedPing>
{
    public Task Consume(ConsumeContext<DoomedPing> context)
    {
        attempts.Record(context.Message.PingId);
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
