namespace Modular.BuildingBlocks.Infrastructure.Messaging;

/// <summary>Tuning of the messaging backbone; bound from the "Messaging" configuration section.</summary>
public sealed class MessagingOptions
{
    /// <summary>False for API-only instances that store messages but leave their delivery to the other instances.</summary>
    public bool DispatchOutbox { get; set; } = true;

    /// <summary>Rows the dispatcher takes per batch; they are published concurrently.</summary>
    public int DispatchBatchSize { get; set; } = 200;

    /// <summary>Rows per batch while the web tier is busy (see <see cref="YieldToRequestsInFlight"/>): each batch is one unit of background work.</summary>
    public int DispatchBatchSizeWhenBusy { get; set; } = 16;

    /// <summary>
    /// Concurrent dispatch loops per module and instance: while one lane waits for the broker's confirms of its batch,
    /// another reads and publishes the next one.
    /// </summary>
    public int DispatchLanes { get; set; } = 3;

    /// <summary>How long the dispatcher sleeps when nothing wakes it (other instances' commits arrive by NOTIFY).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Delivery attempts of one outbox row (for failures other than the broker being unreachable) before it is dead-lettered.</summary>
    public int MaxDeliveryAttempts { get; set; } = 10;

    /// <summary>Attempts of a consumer (first try plus retries) before MassTransit moves the message to the _error queue.</summary>
    public int ConsumeAttempts { get; set; } = 5;

    public int PrefetchCount { get; set; } = 32;

    public int ConcurrentMessageLimit { get; set; } = 16;

    /// <summary>
    /// The share of a module's connection pool its consumers and sagas may hold together (each message or batch holds one
    /// for its transaction); the rest stays for the module's requests, outbox delivery and workers.
    /// </summary>
    public double ConsumerShareOfPool { get; set; } = 0.5;

    /// <summary>Most messages a batch consumer handles in one transaction.</summary>
    public int ConsumerBatchSize { get; set; } = 100;

    /// <summary>How long a batch consumer waits for more messages after the first one of a batch.</summary>
    public TimeSpan ConsumerBatchWindow { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Batches of one consumer handled at the same time.</summary>
    public int ConsumerBatchConcurrency { get; set; } = 2;

    /// <summary>
    /// With this many HTTP requests in flight the instance is busy and background work (consumers, outbox delivery)
    /// yields to them; 0 never yields. The default is far above what interactive traffic keeps in flight on a small
    /// instance and far below a flash sale's burst.
    /// </summary>
    public int YieldToRequestsInFlight { get; set; } = 64;

    /// <summary>Units of background work (a message, a batch, an outbox delivery batch) an instance runs at once while busy.</summary>
    public int BackgroundSlotsWhenBusy { get; set; } = 2;

    /// <summary>Inbox rows are kept this long: far longer than any redelivery of the same message.</summary>
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Readiness turns Degraded when the oldest undelivered message is older than this.</summary>
    public TimeSpan BacklogAgeThreshold { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Readiness stays Degraded this long after the instance dead-lettered a message (outbox or consumer).</summary>
    public TimeSpan DeadLetterWindow { get; set; } = TimeSpan.FromMinutes(15);
}
