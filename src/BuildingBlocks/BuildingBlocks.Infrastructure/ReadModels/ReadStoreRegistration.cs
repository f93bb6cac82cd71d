using Microsoft.Extensions.DependencyInjection;
using Modular.BuildingBlocks.Infrastructure.Persistence;
using Modular.BuildingBlocks.Infrastructure.Settings;
using Npgsql;

namespace Modular.BuildingBlocks.Infrastructure.ReadModels;

public static class ReadStoreRegistration
{
    /// <summary>
    /// A module's read store: schema <c>&lt;module&gt;_read</c>, its own explicitly sized pool on
    /// <paramref name="readConnectionString"/> (a replica, when configured) or on the primary, and the documents the
    /// module declares. Its schema is applied by the migrate step.
    /// </summary>
    public static IServiceCollection AddReadStore<TContext>(
        this IServiceCollection services, string module, PostgresSettings postgres, string? readConnectionString, int maxPoolSize,
        Action<ReadDocuments> documents)
        where TContext : ModuleDbContext
    {
        var connectionString = readConnectionString ?? postgres.ConnectionString(maxPoolSize, $"modular-{module}-read");
        if (readConnectionString is null)
        {
            services.AddSingleton(new ConnectionPool($"modular-{module}-read", maxPoolSize));
        }

        services.AddSingleton(_ => new ReadStore<TContext>($"{module}_read", NpgsqlDataSource.Create(connectionString), documents));
        services.AddSingleton<IReadStoreSchema>(provider => new ReadStoreSchema<TContext>(provider.GetRequiredService<ReadStore<TContext>>()));
        return services;
    }

    /// <summary>Registers how a kind of document is rebuilt from the module's write model (see <see cref="ReadModelRebuild{TContext,TDocument}"/>).</summary>
    public static IServiceCollection AddReadModelRebuild<TContext, TDocument>(
        this IServiceCollection services,
        string module,
        string table,
        Func<TContext, Guid[], CancellationToken, Task<IReadOnlyCollection<TDocument>>> load,
        Func<TDocument?, TDocument, TDocument> merge)
        where TContext : ModuleDbContext
        where TDocument : class, IReadDocument =>
        services.AddSingleton<IReadModelRebuild>(provider => ActivatorUtilities.CreateInstance<ReadModelRebuild<TContext, TDocument>>(
            provider, module, table, load, merge));
}
