using Npgsql;

namespace Modular.BuildingBlocks.Infrastructure.Persistence;

/// <summary>A module's own connection pool, sized explicitly, and the schema it owns.</summary>
public sealed class ModuleDataSource<TContext>(string schema, NpgsqlDataSource dataSource) : IDisposable
    where TContext : ModuleDbContext
{
    public string Schema { get; } = schema;

    public NpgsqlDataSource DataSource { get; } = dataSource;

    public void Dispose() => DataSource.Dispose();
}
