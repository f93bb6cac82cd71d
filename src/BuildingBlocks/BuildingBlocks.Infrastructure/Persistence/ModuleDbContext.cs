using Microsoft.EntityFrameworkCore;
using Modular.BuildingBlocks.Infrastructure.Messaging.Outbox;

namespace Modular.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// A module's write model. Everything lives in the module's schema with snake_case names, and the module's outbox is part
/// of the model, so an integration message is stored by the same SaveChanges as the change that raised it.
/// </summary>
public abstract class ModuleDbContext(DbContextOptions options) : DbContext(options)
{
    public abstract string Schema { get; }

    /// <summary>Queues an integration event or command in this module's outbox; it leaves after the transaction commits.</summary>
    public void Publish<T>(T message)
        where T : class => Publish(message, OutboxTraceContext.Capture());

    /// <summary>Queues a message that continues a trace other than the current one (work resumed from a stored row).</summary>
    public void Publish<T>(T message, string? traceContext)
        where T : class => Set<OutboxMessage>().Add(OutboxMessageFactory.ForPublish(message, correlationId: null, traceContext));

    /// <summary>Queues a message for one endpoint (an answer to the caller that asked); it leaves after the transaction commits.</summary>
    public void Send<T>(T message, Uri destination)
        where T : class => Send(message, destination, OutboxTraceContext.Capture());

    /// <summary>The same, continuing a trace other than the current one (work resumed from a stored row).</summary>
    public void Send<T>(T message, Uri destination, string? traceContext)
        where T : class => Set<OutboxMessage>().Add(OutboxMessageFactory.ForPublish(message, correlationId: null, traceContext, destination));

    internal void AddToOutbox(OutboxMessage message) => Set<OutboxMessage>().Add(message);

    /// <summary>
    /// Saves without EF's automatic savepoint: inside the unit of work's or the inbox's transaction it costs two more round
    /// trips per save, and a failed save is never retried within its transaction (retries start a new one).
    /// Set on every save because a pooled context resets it.
    /// </summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        Database.AutoSavepointsEnabled = false;
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected abstract void ConfigureModel(ModelBuilder modelBuilder);

    protected sealed override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable("outbox_messages");
            outbox.HasKey(message => message.Id);
            outbox.Property(message => message.Id).UseIdentityAlwaysColumn();
        });
        ConfigureModel(modelBuilder);
        ApplySnakeCaseNames(modelBuilder);
    }

    private static void ApplySnakeCaseNames(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            if (entity.GetTableName() is { } table && entity.FindAnnotation("Relational:TableName") is null)
            {
                entity.SetTableName(SnakeCase.From(table));
            }

            foreach (var property in entity.GetProperties())
            {
                if (property.FindAnnotation("Relational:ColumnName") is null)
                {
                    property.SetColumnName(SnakeCase.From(property.Name));
                }
            }
        }
    }
}
