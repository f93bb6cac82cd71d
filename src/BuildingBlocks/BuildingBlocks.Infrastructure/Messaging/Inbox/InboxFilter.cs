using MassTransit;
using MassTransit.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Modular.BuildingBlocks.Infrastructure.Persistence;

namespace Modular.BuildingBlocks.Infrastructure.Messaging.Inbox;

/// <summary>
/// Wraps one consumer's (or saga's) handling of a message in a single transaction on the module's DbContext:
/// record (message id, consumer) in the inbox, run the consumer, store what it published in the outbox, commit.
/// A duplicate — redelivered, or arriving concurrently — finds the inbox row (it waits for the first one's commit on
/// the primary key) and is acknowledged without a second effect.
/// </summary>
internal sealed class InboxFilter<TContext, TMessage>(IConsumeScopeProvider scopeProvider, string consumer) : IFilter<ConsumeContext<TMessage>>
    where TContext : ModuleDbContext
    where TMessage : class
{
    public Task Send(ConsumeContext<TMessage> context, IPipe<ConsumeContext<TMessage>> next)
    {
        var messageId = context.MessageId ?? throw new MessageException(typeof(TMessage), "A MessageId is required for the inbox.");
        return InboxTransaction.RunAsync<TContext, TMessage>(scopeProvider, context, next, async (dbContext, consumeContext) =>
            await TryRecordAsync(dbContext, messageId, context.CancellationToken)
                ? new InboxClaim<TMessage>(consumeContext, [context], Duplicates: 0)
                : new InboxClaim<TMessage>(null, [], Duplicates: 1));
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("inbox");

    private async Task<bool> TryRecordAsync(TContext dbContext, Guid messageId, CancellationToken cancellationToken)
    {
        // The schema is the module's own constant, never input.
        var insert = "INSERT INTO " + dbContext.Schema + ".inbox_messages (message_id, consumer, received_at) VALUES ({0}, {1}, now()) ON CONFLICT DO NOTHING";
        return await dbContext.Database.ExecuteSqlRawAsync(insert, [messageId, consumer], cancellationToken) == 1;
    }
}
