using MassTransit;
using MassTransit.Context;
using MassTransit.Saga;
using Microsoft.EntityFrameworkCore;
using Modular.BuildingBlocks.Infrastructure.Persistence;

namespace Modular.BuildingBlocks.Infrastructure.Messaging.Sagas;

/// <summary>One message's view of the saga table: instances are loaded with SELECT ... FOR UPDATE, so messages for one instance run one at a time.</summary>
internal sealed class ModuleSagaRepositoryContext<TContext, TSaga, TMessage> : ConsumeContextScope<TMessage>, SagaRepositoryContext<TSaga, TMessage>
    where TContext : ModuleDbContext
    where TSaga : class, ISaga
    where TMessage : class
{
    private readonly TContext dbContext;
    private readonly ConsumeContext<TMessage> consumeContext;
    private readonly ISagaConsumeContextFactory<TContext, TSaga> factory;

    public ModuleSagaRepositoryContext(TContext dbContext, ConsumeContext<TMessage> consumeContext, ISagaConsumeContextFactory<TContext, TSaga> factory)
        : base(consumeContext, dbContext)
    {
        this.dbContext = dbContext;
        this.consumeContext = consumeContext;
        this.factory = factory;
    }

    public Task<SagaConsumeContext<TSaga, TMessage>> Add(TSaga instance) =>
        factory.CreateSagaConsumeContext(dbContext, consumeContext, instance, SagaConsumeContextMode.Add);

    public async Task<SagaConsumeContext<TSaga, TMessage>> Insert(TSaga instance)
    {
        // A duplicate key aborts the PostgreSQL transaction; the endpoint's retry then loads the existing instance.
        dbContext.Set<TSaga>().Add(instance);
        await dbContext.SaveChangesAsync(CancellationToken);
        return await factory.CreateSagaConsumeContext(dbContext, consumeContext, instance, SagaConsumeContextMode.Insert);
    }

    public async Task<SagaConsumeContext<TSaga, TMessage>> Load(Guid correlationId)
    {
        // Messages for one instance run one at a time until this transaction ends: an existing instance by its row lock
        // (one round trip, the usual case); a missing one under an advisory lock on its id, taken before looking again,
        // so concurrent first events never race to insert it and a message that waited sees the instance just created.
        var instance = await LockInstanceAsync(correlationId);
        if (instance is null)
        {
            await dbContext.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtextextended({0}::text, 0))", [correlationId], CancellationToken);
            instance = await LockInstanceAsync(correlationId);
        }

        return instance is null
            ? default!
            : await factory.CreateSagaConsumeContext(dbContext, consumeContext, instance, SagaConsumeContextMode.Load);
    }

    private Task<TSaga?> LockInstanceAsync(Guid correlationId)
    {
        var lockInstance = "SELECT * FROM " + TableName() + " WHERE correlation_id = {0} FOR UPDATE";
        return dbContext.Set<TSaga>().FromSqlRaw(lockInstance, correlationId).AsTracking().SingleOrDefaultAsync(CancellationToken);
    }

    public async Task Save(SagaConsumeContext<TSaga> context)
    {
        dbContext.Set<TSaga>().Add(context.Saga);
        await dbContext.SaveChangesAsync(CancellationToken);
    }

    public Task Update(SagaConsumeContext<TSaga> context) => dbContext.SaveChangesAsync(CancellationToken);

    /// <summary>A finished instance is removed; its history lives on in the module's read models.</summary>
    public async Task Delete(SagaConsumeContext<TSaga> context)
    {
        dbContext.Set<TSaga>().Remove(context.Saga);
        await dbContext.SaveChangesAsync(CancellationToken);
    }

    public Task Discard(SagaConsumeContext<TSaga> context) => Task.CompletedTask;

    public Task Undo(SagaConsumeContext<TSaga> context)
    {
        var entry = dbContext.Entry(context.Saga);
        entry.State = entry.State == EntityState.Added ? EntityState.Detached : EntityState.Unchanged;
        return Task.CompletedTask;
    }

    public Task<SagaConsumeContext<TSaga, T>> CreateSagaConsumeContext<T>(ConsumeContext<T> context, TSaga instance, SagaConsumeContextMode mode)
        where T : class => factory.CreateSagaConsumeContext(dbContext, context, instance, mode);

    private string TableName()
    {
        var entity = dbContext.Model.FindEntityType(typeof(TSaga))
            ?? throw new InvalidOperationException($"{typeof(TSaga).Name} is not mapped in {typeof(TContext).Name}.");
        return $"{entity.GetSchema() ?? dbContext.Schema}.{entity.GetTableName()}";
    }
}
