using System.Data;
using System.Globalization;
using MassTransit;
using MassTransit.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modular.BuildingBlocks.Infrastructure.Messaging.Outbox;
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
    public async Task Send(ConsumeContext<TMessage> context, IPipe<ConsumeContext<TMessage>> next)
    {
        var messageId = context.MessageId ?? throw new MessageException(typeof(TMessage), "A MessageId is required for the inbox.");
        await using var scope = await scopeProvider.GetScope(context);
        var services = scope.Context.GetPayload<IServiceProvider>();
        var dbContext = services.GetRequiredService<TContext>();
        var metrics = services.GetRequiredService<MessagingMetrics>();

        await using var transaction = await dbContext.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, context.CancellationToken);
        if (!await TryRecordAsync(dbContext, messageId, context.CancellationToken))
        {
            metrics.Duplicate(dbContext.Schema);
            return;
        }

        var outboxContext = new ModuleOutboxConsumeContext<TMessage>(scope.Context, dbContext, services);
        try
        {
            await next.Send(outboxContext);
            await context.ConsumeCompleted;
            await dbContext.SaveChangesAsync(context.CancellationToken);
            await transaction.CommitAsync(context.CancellationToken);
        }
        finally
        {
            outboxContext.TransactionEnded = true;
        }

        services.GetRequiredService<OutboxSignals>().Wake(dbContext.Schema);
        if (CreatedAt(context) is { } createdAt)
        {
            metrics.Consumed(dbContext.Schema, createdAt);
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("inbox");

    private async Task<bool> TryRecordAsync(TContext dbContext, Guid messageId, CancellationToken cancellationToken)
    {
        // The schema is the module's own constant, never input.
        var insert = "INSERT INTO " + dbContext.Schema + ".inbox_messages (message_id, consumer, received_at) VALUES ({0}, {1}, now()) ON CONFLICT DO NOTHING";
        return await dbContext.Database.ExecuteSqlRawAsync(insert, [messageId, consumer], cancellationToken) == 1;
    }

    private static DateTime? CreatedAt(ConsumeContext context) =>
        context.Headers.Get<string>(MessagingMetrics.CreatedAtHeader) is { } value
        && DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var createdAt)
            ? createdAt
            : null;
}
