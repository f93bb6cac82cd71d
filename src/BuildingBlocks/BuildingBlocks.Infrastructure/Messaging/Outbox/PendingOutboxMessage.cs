namespace Modular.BuildingBlocks.Infrastructure.Messaging.Outbox;

/// <summary>An outbox row as the dispatcher reads it.</summary>
internal sealed record PendingOutboxMessage(
    long Id,
    Guid MessageId,
    string MessageType,
    string Body,
    string? Destination,
    Guid? CorrelationId,
    Guid? ConversationId,
    Guid? InitiatorId,
    string? Headers,
    DateTime CreatedAt,
    int Attempts,
    string? TraceContext);
