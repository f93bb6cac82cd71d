using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Modular.BuildingBlocks.Infrastructure.Messaging;
using Modular.BuildingBlocks.Infrastructure.Messaging.Inbox;
using Modular.BuildingBlocks.Infrastructure.Messaging.Outbox;
using Modular.BuildingBlocks.Infrastructure.Messaging.Priority;
using Modular.BuildingBlocks.Infrastructure.Settings;
using Npgsql;

namespace Modular.BuildingBlocks.Infrastructure.Persistence;

public static class ModuleDatabaseRegistration
{
    /// <summary>
    /// A module's write model: its DbContext on its own explicitly sized pool, its unit of work, and the background
    /// workers of its outbox and inbox. EF's retrying execution strategy stays off: retries happen at the message endpoint.
    /// </summary>
    public static IServiceCollection AddModuleDatabase<TContext>(this IServiceCollection services, string schema, PostgresSettings postgres, int maxPoolSize)
        where TContext : ModuleDbContext
    {
        services.AddSingleton(new ConnectionPool($"modular-{schema}", maxPoolSize));
        services.AddSingleton(provider =>
        {
            // This instance's dispatcher is woken in-process by its commits; the outbox trigger's NOTIFY is only for others.
            var sessionOptions = provider.GetRequiredService<IOptions<MessagingOptions>>().Value.DispatchOutbox
                ? "-c modular.outbox_dispatched_locally=on"
                : null;
            return new ModuleDataSource<TContext>(schema, NpgsqlDataSource.Create(postgres.ConnectionString(maxPoolSize, $"modular-{schema}", sessionOptions)));
        });
        services.AddDbContextPool<TContext>((provider, options) => options
            .UseNpgsql(provider.GetRequiredService<ModuleDataSource<TContext>>().DataSource)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking));
        services.AddScoped<IModuleUnitOfWork, ModuleUnitOfWork<TContext>>();
        services.AddSingleton(provider => new ConsumerConnectionBudget<TContext>(
            (int)(maxPoolSize * provider.GetRequiredService<IOptions<MessagingOptions>>().Value.ConsumerShareOfPool)));
        services.AddHostedService<OutboxDispatcher<TContext>>();
        services.AddHostedService<OutboxBacklogMonitor<TContext>>();
        services.AddHostedService<InboxCleanupService<TContext>>();
        return services;
    }
}
