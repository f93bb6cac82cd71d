using MassTransit;
using MassTransit.Saga;
using Microsoft.EntityFrameworkCore;
using Modular.BuildingBlocks.Infrastructure.Persistence;

namespace Modular.BuildingBlocks.Infrastructure.Messaging.Sagas;

/// <summary>
/// Persists a MassTransit state machine saga in its module's DbContext. It runs inside the transaction the inbox filter
/// opened for the message, so the state change, the inbox row and the outgoing messages commit together.
/// </summary>
internal sealed class ModuleSagaRepositoryContextFactory<TContext, TSaga>(TContext dbContext, ISagaConsumeContextFactory<TContext, TSaga> consumeContextFactory)
    : ISagaRepositoryContextFactory<TSaga>
    where TContext : ModuleDbContext
    where TSaga : class, ISaga
{
    public async Task Send<T>(ConsumeContext<T> context, IPipe<SagaRepositoryContext<TSaga, T>> next)
        where T : class
    {
        EnsureInboxTransaction();
        var repositoryContext = new ModuleSagaRepositoryContext<TContext, TSaga, T>(dbContext, context, consumeContextFactory);
        await next.Send(repositoryContext);
    }

    public async Task SendQuery<T>(ConsumeContext<T> context, ISagaQuery<TSaga> query, IPipe<SagaRepositoryQueryContext<TSaga, T>> next)
        where T : class
    {
        EnsureInboxTransaction();
        var matching = await dbContext.Set<TSaga>().AsNoTracking()
            .Where(query.FilterExpression)
            .Select(saga => saga.CorrelationId)
            .ToListAsync(context.CancellationToken);
        var repositoryContext = new ModuleSagaRepositoryContext<TContext, TSaga, T>(dbContext, context, consumeContextFactory);
        // Each matching instance is then loaded through Load, which takes its row lock.
        await next.Send(new DefaultSagaRepositoryQueryContext<TSaga, T>(repositoryContext, matching));
    }

    public void Probe(ProbeContext context) => context.Add("persistence", "module-dbcontext");

    // Without the inbox transaction, a saga's lock and its outgoing messages would not be atomic with its state.
    private void EnsureInboxTransaction()
    {
        if (dbContext.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException($"Saga {typeof(TSaga).Name} must run on a module endpoint with the inbox (no open transaction).");
        }
    }
}
