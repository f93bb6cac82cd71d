using Npgsql;

namespace Modular.IAM.ReadModels;

/// <summary>The read side's own pool (configuration "Iam:ReadConnectionString" may point it at a replica).</summary>
internal sealed class IamReadDatabase(NpgsqlDataSource dataSource) : IDisposable
{
    public NpgsqlDataSource DataSource { get; } = dataSource;

    public void Dispose() => DataSource.Dispose();
}
