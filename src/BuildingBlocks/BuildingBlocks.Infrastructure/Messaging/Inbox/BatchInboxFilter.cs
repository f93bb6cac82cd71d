using MassTransit;
using MassTransit.Batching;
using MassTransit.Context;
using MassTransit.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Modular.BuildingBlocks.Infrastructure.Batching;
using Modular.BuildingBlocks.Infrastructure.Persistence;

namespace Modular.BuildingBlocks.Infrastructure.Messaging.Inbox;

/// <summary>
/// The inbox for a batch consumer (<c>IConsumer&lt;Batch&lt;T&gt;&gt;</c>): the whole batch is one transaction. Its message
/// ids are claimed with one multi-row insert (in id order, so two batches sharing ids cannot deadlock); the consumer
/// sees only the messages never applied before, and the batch is acknowledged only after commit. This turns a
/// projection's per-message transaction, inbox insert and commit into one each per batch.
/// A batch consumer publishes through the batch's context (which writes to the outbox), never through a single
/// message's context.
/// A message that fails the batch is set apart (<see cref="BatchIsolation"/>): the halves run in transactions of their
/// own until it fails alone; the others commit and it is forwarded to the endpoint's <c>_error</c> queue by itself
/// (never applied, so moving it back later applies it). A transient fault fails the whole batch, which the endpoint's
/// retry redelivers; what already committed is a duplicate then.
/// </summary>
internal sealed class BatchInboxFilter<TContext, TMessage>(IConsumeScopeProvider scopeProvider, string consumer, ILogger logger)
    : IFilter<ConsumeContext<Batch<TMessage>>>
    where TContext : ModuleDbContext
    where TMessage : class
{
    public Task Send(ConsumeContext<Batch<TMessage>> context, IPipe<ConsumeContext<Batch<TMessage>>> next) =>
        BatchIsolation.RunAsync(
            context.Message.ToList(),
            part => InboxTransaction.RunAsync<TContext, Batch<TMessage>>(scopeProvider, Part(context, part), next, ClaimAsync),
            (message, exception) => DeadLetterAsync(context, message, exception));

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

        return new InboxClaim<Batch<TMessage>>(duplicates == 0 ? context : Part(context, fresh), fresh, duplicates);
    }

    private static ConsumeContext<Batch<TMessage>> Part(ConsumeContext<Batch<TMessage>> context, IReadOnlyList<ConsumeContext<TMessage>> messages)
    {
        var batch = context.Message;
        return messages.Count == batch.Length
            ? context
            : new BatchConsumeContext<TMessage>(context, new MessageBatch<TMessage>(batch.FirstMessageReceived, batch.LastMessageReceived, batch.Mode, [.. messages]));
    }

    private async Task DeadLetterAsync(ConsumeContext<Batch<TMessage>> context, ConsumeContext<TMessage> message, Exception exception)
    {
        var queue = context.ReceiveContext.InputAddress.AbsolutePath.Split('/')[^1];
        var errorQueue = await context.GetSendEndpoint(new Uri($"queue:{queue}_error"));
        await message.Forward(errorQueue, message.Message);
        logger.LogError(exception, "Message {MessageId} ({MessageType}) failed {Consumer} alone; the rest of its batch committed and it went to {Queue}_error",
            message.MessageId, typeof(TMessage).Name, consumer, queue);
    }
}
