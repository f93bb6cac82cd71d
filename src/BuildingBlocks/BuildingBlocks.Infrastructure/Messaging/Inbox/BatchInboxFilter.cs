using MassTransit;
using MassTransit.Batching;
using MassTransit.Context;
using MassTransit.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Modular.BuildingBlocks.Infrastructure.Persistence;

namespace Modular.BuildingBlocks.Infrastructure.Messaging.Inbox;

/// <summary>
/// The inbox for a batch consumer (<c>IConsumer&lt;Batch&lt;T&gt;&gt;</c>): the whole batch is one transaction. Its message
/// ids are claimed with one multi-row insert (in id order, so two batches sharing ids cannot deadlock); the consumer
/// sees only the messages never applied before, and the batch is acknowledged only after commit. This turns a
/// projection's per-message transaction, inbox insert and commit into one each per batch.
/// A batch consumer publishes through the batch's context (which writes to the outbox), never through a single
/// message's context.
/// </summary>
internal sealed class BatchInboxFilter<TContext, TMessage>(IConsumeScopeProvider scopeProvider, string consumer) : IFilter<ConsumeContext<Batch<TMessage>>>
    where TContext : ModuleDbContext
    where TMessage : class
{
    public Task Send(ConsumeContext<Batch<TMessage>> context, IPipe<ConsumeContext<Batch<TMessage>>> next) =>
        InboxTransaction.RunAsync<TContext, Batch<TMessage>>(scopeProvider, context, next, (dbContext, consumeContext) => ClaimAsync(dbContext, consumeContext));

    public void Probe(ProbeContext context) => context.CreateFilterScope("batch-inbox");

    private async Task<InboxClaim<Batch<TMessage>>> ClaimAsync(TContext dbContext, ConsumeContext<Batch<TMessage>> context)
    {
        var batch = context.Message;
        var ids = batch.Select(message => message.MessageId ?? throw new MessageException(typeof(TMessage), "A MessageId is required for the inbox."))
            .Distinct()
            .Order()
            .ToArray();
        // The schema is the module's own constant, never input.
        var insert = "INSERT INTO " + dbContext.Schema + ".inbox_messages (message_id, consumer, received_at) " +
            "SELECT id, {1}, now() FROM unnest({0}) AS batch(id) ORDER BY id ON CONFLICT DO NOTHING RETURNING message_id AS \"Value\"";
        var claimed = (await dbContext.Database.SqlQueryRaw<Guid>(insert, ids, consumer).ToListAsync(context.CancellationToken)).ToHashSet();

        // A message redelivered while its first copy still waited in the batch appears twice: apply it once.
        var fresh = batch.Where(message => claimed.Remove(message.MessageId!.Value)).ToList();
        var duplicates = batch.Length - fresh.Count;
        if (fresh.Count == 0)
        {
            return new InboxClaim<Batch<TMessage>>(null, [], duplicates);
        }

        var freshContext = duplicates == 0
            ? context
            : new BatchConsumeContext<TMessage>(context, new MessageBatch<TMessage>(batch.FirstMessageReceived, batch.LastMessageReceived, batch.Mode, fresh));
        return new InboxClaim<Batch<TMessage>>(freshContext, fresh, duplicates);
    }
}
