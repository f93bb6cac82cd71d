namespace Modular.BuildingBlocks.Infrastructure.Messaging.Outbox;

/// <summary>A message waiting in a module's outbox; see Sql/Messaging for the table and its indexes.</summary>
public sealed class OutboxMessage
{
    public long Id { get; private set; }
    public Guid MessageId { get; init; }
    public required string MessageType { get; init; }
    public required string Body { get; init; }

    /// <summary>Where to send it; null means publish by message type.</summary>
    public string? Destination { get; init; }

    public Guid? CorrelationId { get; init; }
    public Guid? ConversationId { get; init; }
    public Guid? InitiatorId { get; init; }
    public string? Headers { get; init; }
    public DateTime CreatedAt { get; init; }

    /// <summary>The writer's W3C trace context (see <see cref="OutboxTraceContext"/>).</summary>
    public string? TraceContext { get; init; }
    public int Attempts { get; private set; }
    public DateTime NextAttemptAt { get; init; }
    public string? LastError { get; private set; }
    public DateTime? DeadLetteredAt { get; private set; }
}
