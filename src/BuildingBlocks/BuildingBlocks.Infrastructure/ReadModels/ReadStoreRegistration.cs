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
        services.AddSingleton(_ => new ReadStore<TContext>($"{module}_read", NpgsqlDataSource.Create(connectionString), documents));
        services.AddSingleton<IReadStoreSchema>(provider => new ReadStoreSchema<TContext>(provider.GetRequiredService<ReadStore<TContext>>()));
        return services;
    }
}
