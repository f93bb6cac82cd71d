using Npgsql;

namespace Modular.Ordering.ReadModels;

/// <summary>The read side's own pool (configuration "Ordering:ReadConnectionString" may point it at a replica).</summary>
internal sealed class OrderReadDatabase(NpgsqlDataSource dataSource) : IDisposable
{
    public NpgsqlDataSource DataSource { get; } = dataSource;

    public void Dispose() => DataSource.Dispose();
}
