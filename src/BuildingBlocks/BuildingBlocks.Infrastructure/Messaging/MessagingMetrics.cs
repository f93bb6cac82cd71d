using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Modular.BuildingBlocks.Infrastructure.Messaging;

/// <summary>
/// Backbone instruments (meter "Modular.Messaging") plus what readiness reads: the latest backlog snapshot and the time of
/// the last dead letter (outbox or consumer) per module. Every label is a module name: bounded, never an id.
/// </summary>
public sealed class MessagingMetrics : IDisposable
{
    public const string MeterName = "Modular.Messaging";
    public const string CreatedAtHeader = "Modular-Outbox-Created-At";

    private readonly TimeProvider _clock;
    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _delivered;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _deadLettered;
    private readonly Counter<long> _consumerDeadLettered;
    private readonly Counter<long> _duplicates;
    private readonly Histogram<double> _commitToConsume;
    private readonly ConcurrentDictionary<string, OutboxBacklog> _backlogs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastDeadLetters = new(StringComparer.Ordinal);

    public MessagingMetrics(TimeProvider clock)
    {
        _clock = clock;
        _delivered = _meter.CreateCounter<long>("modular.outbox.delivered", description: "Outbox messages handed to the broker");
        _retries = _meter.CreateCounter<long>("modular.outbox.retries", description: "Outbox deliveries that failed and will be tried again");
        _deadLettered = _meter.CreateCounter<long>("modular.outbox.dead_lettered", description: "Outbox messages given up after repeated failures");
        _consumerDeadLettered = _meter.CreateCounter<long>("modular.consumer.dead_lettered",
            description: "Messages a consumer or saga failed on every attempt (moved to the endpoint's _error queue)");
        _duplicates = _meter.CreateCounter<long>("modular.inbox.duplicates", description: "Messages skipped because the consumer had applied them");
        _commitToConsume = _meter.CreateHistogram<double>("modular.messaging.commit_to_consume", unit: "ms",
            description: "From the outbox row's creation to the consumer's commit");
        _meter.CreateObservableGauge("modular.outbox.backlog", () => _backlogs.Select(pair => new Measurement<long>(pair.Value.Pending, new KeyValuePair<string, object?>("module", pair.Key))));
        _meter.CreateObservableGauge("modular.outbox.oldest_pending_age", () => _backlogs.Select(pair => new Measurement<double>(pair.Value.OldestPendingAge.TotalSeconds, new KeyValuePair<string, object?>("module", pair.Key))), unit: "s");
        _meter.CreateObservableGauge("modular.outbox.dead_letters_stored", () => _backlogs.Select(pair => new Measurement<long>(pair.Value.DeadLettered, new KeyValuePair<string, object?>("module", pair.Key))),
            description: "Dead-lettered outbox rows kept in the table for an operator");
    }

    public IReadOnlyDictionary<string, OutboxBacklog> Backlogs => _backlogs;

    public void Delivered(string schema, int count) => _delivered.Add(count, new KeyValuePair<string, object?>("module", schema));

    public void Retrying(string schema) => _retries.Add(1, new KeyValuePair<string, object?>("module", schema));

    public void DeadLettered(string schema)
    {
        _deadLettered.Add(1, new KeyValuePair<string, object?>("module", schema));
        _lastDeadLetters[schema] = _clock.GetUtcNow();
    }

    public void ConsumerDeadLettered(string module)
    {
        _consumerDeadLettered.Add(1, new KeyValuePair<string, object?>("module", module));
        _lastDeadLetters[module] = _clock.GetUtcNow();
    }

    /// <summary>Modules that dead-lettered a message (outbox or consumer) within <paramref name="window"/>, on this instance.</summary>
    public IReadOnlyList<string> DeadLetteredWithin(TimeSpan window)
    {
        var since = _clock.GetUtcNow() - window;
        return _lastDeadLetters.Where(pair => pair.Value > since).Select(pair => pair.Key).Order(StringComparer.Ordinal).ToList();
    }

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
