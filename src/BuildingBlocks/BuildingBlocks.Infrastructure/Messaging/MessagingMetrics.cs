using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Modular.BuildingBlocks.Infrastructure.Messaging;

/// <summary>Backbone instruments (meter "Modular.Messaging") plus the latest backlog snapshot per module, read by health checks.</summary>
public sealed class MessagingMetrics : IDisposable
{
    public const string MeterName = "Modular.Messaging";
    public const string CreatedAtHeader = "Modular-Outbox-Created-At";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _delivered;
    private readonly Counter<long> _deadLettered;
    private readonly Counter<long> _duplicates;
    private readonly Histogram<double> _commitToConsume;
    private readonly ConcurrentDictionary<string, OutboxBacklog> _backlogs = new(StringComparer.Ordinal);

    public MessagingMetrics()
    {
        _delivered = _meter.CreateCounter<long>("modular.outbox.delivered", description: "Outbox messages handed to the broker");
        _deadLettered = _meter.CreateCounter<long>("modular.outbox.dead_lettered", description: "Outbox messages given up after repeated failures");
        _duplicates = _meter.CreateCounter<long>("modular.inbox.duplicates", description: "Messages skipped because the consumer had applied them");
        _commitToConsume = _meter.CreateHistogram<double>("modular.messaging.commit_to_consume", unit: "ms",
            description: "From the outbox row's creation to the consumer's commit");
        _meter.CreateObservableGauge("modular.outbox.backlog", () => _backlogs.Select(pair => new Measurement<long>(pair.Value.Pending, new KeyValuePair<string, object?>("module", pair.Key))));
        _meter.CreateObservableGauge("modular.outbox.oldest_pending_age", () => _backlogs.Select(pair => new Measurement<double>(pair.Value.OldestPendingAge.TotalSeconds, new KeyValuePair<string, object?>("module", pair.Key))), unit: "s");
    }

    public IReadOnlyDictionary<string, OutboxBacklog> Backlogs => _backlogs;

    public void Delivered(string schema, int count) => _delivered.Add(count, new KeyValuePair<string, object?>("module", schema));

    public void DeadLettered(string schema) => _deadLettered.Add(1, new KeyValuePair<string, object?>("module", schema));

    public void Duplicate(string schema, int count)
    {
        if (count > 0)
        {
            _duplicates.Add(count, new KeyValuePair<string, object?>("module", schema));
        }
    }

    public void Consumed(string schema, DateTime createdAtUtc) =>
        _commitToConsume.Record((DateTime.UtcNow - createdAtUtc).TotalMilliseconds, new KeyValuePair<string, object?>("module", schema));

    public void UpdateBacklog(string schema, OutboxBacklog backlog) => _backlogs[schema] = backlog;

    public void Dispose() => _meter.Dispose();
}

public sealed record OutboxBacklog(long Pending, TimeSpan OldestPendingAge, long DeadLettered);
