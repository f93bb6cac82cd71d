using System.Globalization;
using MassTransit;

namespace Modular.BuildingBlocks.Infrastructure.Messaging.Outbox;

/// <summary>Restores a stored message's identity on the way out: the same MessageId lets every receiver's inbox deduplicate.</summary>
internal sealed class ReplayPipe(PendingOutboxMessage message) : IPipe<PublishContext>, IPipe<SendContext>
{
    public Task Send(PublishContext context) => Apply(context);

    public Task Send(SendContext context) => Apply(context);

    public void Probe(ProbeContext context)
    {
    }

    private Task Apply(SendContext context)
    {
        context.MessageId = message.MessageId;
        context.CorrelationId = message.CorrelationId;
        context.ConversationId = message.ConversationId ?? context.ConversationId;
        context.InitiatorId = message.InitiatorId;
        foreach (var (key, value) in OutboxMessageFactory.ReadHeaders(message.Headers))
        {
            context.Headers.Set(key, value);
        }

        context.Headers.Set(MessagingMetrics.CreatedAtHeader, message.CreatedAt.ToString("O", CultureInfo.InvariantCulture));
        return Task.CompletedTask;
    }
}
