using System.Diagnostics;

namespace Modular.BuildingBlocks.Infrastructure.Messaging.Outbox;

/// <summary>
/// Carries the W3C trace context through an outbox row: captured when the row is written (the request's or the consumer's
/// span), restored as the parent of the delivery span, whose current Activity MassTransit then propagates in the headers.
/// Only recorded (sampled) spans are captured: an unrecorded parent would be dropped by the sampler anyway.
/// </summary>
public static class OutboxTraceContext
{
    public const string ActivitySourceName = MessagingMetrics.MeterName;

    private static readonly ActivitySource Source = new(ActivitySourceName);

    /// <summary>The current span's context as stored in <c>trace_context</c>, or null.</summary>
    public static string? Capture() => Activity.Current is { Recorded: true } activity ? Format(activity) : null;

    /// <summary>Starts the span under which a stored message is published, child of the span that wrote it; null when not traced.</summary>
    internal static Activity? StartDelivery(string? stored, string messageType)
    {
        if (stored is null || !Source.HasListeners())
        {
            return null;
        }

        var separator = stored.IndexOf(' ');
        var traceParent = separator < 0 ? stored : stored[..separator];
        var traceState = separator < 0 ? null : stored[(separator + 1)..];
        return ActivityContext.TryParse(traceParent, traceState, isRemote: true, out var parent)
            ? Source.StartActivity("outbox deliver", ActivityKind.Producer, parent, [new("messaging.message.type", ShortName(messageType))])
            : null;
    }

    private static string? Format(Activity activity) =>
        activity.IdFormat != ActivityIdFormat.W3C ? null
        : activity.TraceStateString is { Length: > 0 } state ? $"{activity.Id} {state}"
        : activity.Id;

    // "Namespace.Type, Assembly" → "Type": the tag names the message without the assembly noise.
    private static string ShortName(string messageType)
    {
        var end = messageType.IndexOf(',');
        var name = end < 0 ? messageType : messageType[..end];
        return name[(name.LastIndexOf('.') + 1)..];
    }
}
