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
/// What every inbox filter does around a consumer: one ReadCommitted transaction on the module's DbContext in which the
/// filter claims the message ids, the consumer runs with a consume context that writes to the outbox, and the changes
/// are saved; after commit the dispatcher is woken. Only how ids are claimed differs between one message and a batch.
/// </summary>
internal static class InboxTransaction
{
    /// <param name="claim">Records the ids in the inbox; says what is left to apply (none if everything was applied before).</param>
    public static async Task RunAsync<TContext, TMessage>(
        IConsumeScopeProvider scopeProvider,
        ConsumeContext<TMessage> context,
        IPipe<ConsumeContext<TMessage>> next,
        Func<TContext, ConsumeContext<TMessage>, Task<InboxClaim<TMessage>>> claim)
        where TContext : ModuleDbContext
        where TMessage : class
    {
        await using var scope = await scopeProvider.GetScope(context);
        var services = scope.Context.GetPayload<IServiceProvider>();
        var dbContext = services.GetRequiredService<TContext>();
        var metrics = services.GetRequiredService<MessagingMetrics>();

        await using var transaction = await dbContext.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, context.CancellationToken);
        var (fresh, applied, duplicates) = await claim(dbContext, scope.Context);
        metrics.Duplicate(dbContext.Schema, duplicates);
        if (fresh is null)
        {
            return;
        }

        var outboxContext = new ModuleOutboxConsumeContext<TMessage>(fresh, dbContext, services);
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
        foreach (var message in applied)
        {
            if (CreatedAt(message) is { } createdAt)
            {
                metrics.Consumed(dbContext.Schema, createdAt);
            }
        }
    }

    private static DateTime? CreatedAt(ConsumeContext context) =>
        context.Headers.Get<string>(MessagingMetrics.CreatedAtHeader) is { } value
        && DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var createdAt)
            ? createdAt
            : null;
}

/// <summary>The outcome of claiming message ids: the context to run the consumer with (null: nothing new), the messages it applies, and how many were duplicates.</summary>
internal sealed record InboxClaim<TMessage>(ConsumeContext<TMessage>? Fresh, IReadOnlyCollection<ConsumeContext> Applied, int Duplicates)
    where TMessage : class;
