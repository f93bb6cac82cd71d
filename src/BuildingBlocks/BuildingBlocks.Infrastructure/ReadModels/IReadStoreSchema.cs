using Modular.BuildingBlocks.Infrastructure.Persistence;
using Npgsql;

namespace Modular.BuildingBlocks.Infrastructure.ReadModels;

/// <summary>A read store whose schema the migrator applies, after the SQL migrations and under the same lock.</summary>
public interface IReadStoreSchema
{
    string Schema { get; }

    Task ApplyAsync(NpgsqlDataSource primary, CancellationToken cancellationToken);
}

internal sealed class ReadStoreSchema<TContext>(ReadStore<TContext> store) : IReadStoreSchema
    where TContext : ModuleDbContext
{
    public string Schema => store.Schema;

    public Task ApplyAsync(NpgsqlDataSource primary, CancellationToken cancellationToken) => store.ApplySchemaAsync(primary, cancellationToken);
}
