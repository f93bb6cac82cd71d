using Microsoft.Extensions.Logging;
using Modular.BuildingBlocks.Infrastructure.ReadModels;
using Npgsql;

namespace Modular.BuildingBlocks.Infrastructure.Migrations;

/// <summary>
/// Applies each schema's versioned SQL files once, in name order, each in its own transaction, and records them in
/// <c>&lt;schema&gt;.schema_migrations</c>, then applies each read store's configured Marten schema. A PostgreSQL
/// advisory lock serializes several instances starting at once.
/// </summary>
public sealed class SqlMigrator(NpgsqlDataSource dataSource, ILogger<SqlMigrator> logger, IEnumerable<IReadStoreSchema> readStores)
{
    // Any fixed number shared by every instance of the app; 'modular' in ASCII.
    private const long AdvisoryLockKey = 0x6D6F64756C6172;

    public async Task MigrateAsync(IEnumerable<MigrationSource> sources, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({AdvisoryLockKey})", cancellationToken);
        try
        {
            foreach (var source in sources)
            {
                await MigrateSchemaAsync(connection, source, cancellationToken);
            }

            foreach (var readStore in readStores)
            {
                await readStore.ApplyAsync(dataSource, cancellationToken);
                logger.LogInformation("Applied read store schema {Schema}", readStore.Schema);
            }
        }
        finally
        {
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
        }
    }

    private async Task MigrateSchemaAsync(NpgsqlConnection connection, MigrationSource source, CancellationToken cancellationToken)
    {
        var schema = source.Schema;
        await ExecuteAsync(connection, $"""
            CREATE SCHEMA IF NOT EXISTS {schema};
            CREATE TABLE IF NOT EXISTS {schema}.schema_migrations (
                name text PRIMARY KEY,
                checksum text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now());
            """, cancellationToken);

        var applied = await ReadAppliedAsync(connection, schema, cancellationToken);
        foreach (var script in source.Scripts)
        {
            if (applied.TryGetValue(script.Name, out var checksum))
            {
                if (checksum != script.Checksum)
                {
                    throw new MigrationChangedException(schema, script.Name);
                }

                continue;
            }

            await ApplyAsync(connection, schema, script, cancellationToken);
            logger.LogInformation("Applied migration {Schema}/{Migration}", schema, script.Name);
        }
    }

    private static async Task ApplyAsync(NpgsqlConnection connection, string schema, MigrationScript script, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, script.Sql, cancellationToken);
        await using var record = new NpgsqlCommand($"INSERT INTO {schema}.schema_migrations (name, checksum) VALUES (@name, @checksum)", connection);
        record.Parameters.AddWithValue("name", script.Name);
        record.Parameters.AddWithValue("checksum", script.Checksum);
        await record.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<Dictionary<string, string>> ReadAppliedAsync(NpgsqlConnection connection, string schema, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT name, checksum FROM {schema}.schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var applied = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied[reader.GetString(0)] = reader.GetString(1);
        }

        return applied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

public sealed class MigrationChangedException(string schema, string name)
    : Exception($"Migration {schema}/{name} was already applied with different content. Applied migrations are immutable: add a new file instead.");
