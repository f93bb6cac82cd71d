using Npgsql;
using Testcontainers.PostgreSql;

namespace Modular.Tests.Integration.Support;

/// <summary>A PostgreSQL container; its main database serves the run, and tests that need one of their own create it.</summary>
public sealed class DatabaseContainer(PostgreSqlContainer container) : IAsyncDisposable
{
    public IReadOnlyDictionary<string, string> Settings => SettingsFor(TestContainers.Database);

    public Task StartAsync() => TestContainers.StartAsync(container, "PostgreSQL");

    /// <summary>A new, empty database in this server (the Host migrates it when it starts), and the settings to reach it.</summary>
    public async Task<IReadOnlyDictionary<string, string>> CreateDatabaseAsync()
    {
        var name = $"modular_{Guid.NewGuid():N}"[..24];
        await using var dataSource = NpgsqlDataSource.Create(container.GetConnectionString());
        await using var create = dataSource.CreateCommand($"CREATE DATABASE {name} OWNER {TestContainers.User}");
        await create.ExecuteNonQueryAsync();
        return SettingsFor(name);
    }

    public ValueTask DisposeAsync() => container.DisposeAsync();

    private Dictionary<string, string> SettingsFor(string database) => new()
    {
        ["MODULAR_PG_HOST"] = container.Hostname,
        ["MODULAR_PG_PORT"] = container.GetMappedPublicPort(PostgreSqlBuilder.PostgreSqlPort).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["MODULAR_PG_DATABASE"] = database,
        ["MODULAR_PG_USER"] = TestContainers.User,
        ["MODULAR_PG_PASSWORD"] = TestContainers.Password,
    };
}
