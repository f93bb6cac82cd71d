using System.Text.Json;
using MassTransit;

namespace Modular.BuildingBlocks.Infrastructure.Messaging.Outbox;

/// <summary>Turns a message into an outbox row and back; the stored MessageId is replayed so receivers can deduplicate.</summary>
internal static class OutboxMessageFactory
{
    private static readonly JsonSerializerOptions BodyOptions = new(JsonSerializerDefaults.Web);

    // Resolving an assembly-qualified name is slow, and a module has only a handful of message types.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Type> MessageTypes = new(StringComparer.Ordinal);

    /// <param name="destination">Null publishes by message type.</param>
    public static OutboxMessage ForPublish(object message, Guid? correlationId, string? traceContext, Uri? destination = null)
    {
        var now = DateTime.UtcNow;
        return new OutboxMessage
        {
            MessageId = NewId.NextGuid(),
            MessageType = TypeName(message.GetType()),
            Body = JsonSerializer.Serialize(message, message.GetType(), BodyOptions),
            Destination = destination?.ToString(),
            CorrelationId = correlationId,
            CreatedAt = now,
            TraceContext = traceContext,
            NextAttemptAt = now,
        };
    }

    /// <summary>A message a consumer or saga sent or published through its consume context (publishes carry their exchange address).</summary>
    public static OutboxMessage ForSend<T>(SendContext<T> context)
        where T : class
    {
        var now = DateTime.UtcNow;
        var headers = context.Headers.GetAll()
            .Where(header => header.Value is string && !header.Key.StartsWith("MT-", StringComparison.Ordinal) && !IsTraceHeader(header.Key))
            .ToDictionary(header => header.Key, header => (string)header.Value);
        return new OutboxMessage
        {
            MessageId = context.MessageId ?? NewId.NextGuid(),
            MessageType = TypeName(context.Message.GetType()),
            Body = JsonSerializer.Serialize(context.Message, context.Message.GetType(), BodyOptions),
            Destination = context.DestinationAddress?.ToString(),
            CorrelationId = context.CorrelationId,
            ConversationId = context.ConversationId,
            InitiatorId = context.InitiatorId,
            Headers = headers.Count == 0 ? null : JsonSerializer.Serialize(headers, BodyOptions),
            CreatedAt = now,
            TraceContext = OutboxTraceContext.Capture(),
            NextAttemptAt = now,
        };
    }

    public static object ReadBody(string messageType, string body)
    {
        var type = MessageTypes.GetOrAdd(messageType, static name => Type.GetType(name, throwOnError: true)!);
        return JsonSerializer.Deserialize(body, type, BodyOptions)
            ?? throw new InvalidOperationException($"Outbox body of {messageType} is empty.");
    }

    public static Dictionary<string, string> ReadHeaders(string? headers) =>
        headers is null ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(headers, BodyOptions) ?? [];

    // The trace context travels in its own column and is set afresh by the delivery's span: a stale copy must not win.
    private static bool IsTraceHeader(string key) =>
        key.Equals("traceparent", StringComparison.OrdinalIgnoreCase) || key.Equals("tracestate", StringComparison.OrdinalIgnoreCase);

    private static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";
}
