using Npgsql;

namespace Modular.Acquisition.ReadModels;

/// <summary>The read side's own pool (configuration "Acquisition:ReadConnectionString" may point it at a replica).</summary>
internal sealed class TransactionReadDatabase(NpgsqlDataSource dataSource) : IDisposable
{
    public NpgsqlDataSource DataSource { get; } = dataSource;

    public void Dispose() => DataSource.Dispose();
}
