using Microsoft.Extensions.Logging.Abstractions;
using Modular.BuildingBlocks.Infrastructure.Migrations;
using Modular.BuildingBlocks.Infrastructure.Settings;
using Modular.Tests.Integration.Support;
using Npgsql;

namespace Modular.Tests.Integration.Foundation;

[Collection(IntegrationCollection.Name)]
public sealed class MigratorTests(TestPlatform platform) : IAsyncLifetime
{
    private readonly string _schema = $"migrator_test_{Guid.NewGuid():N}"[..28];
    private readonly ServiceSettings _settings = platform.Services;
    private NpgsqlDataSource _dataSource = null!;

    public Task InitializeAsync()
    {
        _dataSource = NpgsqlDataSource.Create(_settings.Postgres.ConnectionString(10, "modular-migrator-tests"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await using (var drop = _dataSource.CreateCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE"))
        {
            await drop.ExecuteNonQueryAsync();
        }

        await _dataSource.DisposeAsync();
    }

    [Fact]
    public async Task Instances_starting_at_once_apply_each_file_exactly_once()
    {
        var source = Source("CREATE TABLE {0}.things (id int PRIMARY KEY);", "INSERT INTO {0}.things VALUES (1);");

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => new SqlMigrator(_dataSource, NullLogger<SqlMigrator>.Instance, []).MigrateAsync([source], CancellationToken.None)));

        await using var database = new TestDatabase(_settings);
        (await database.ScalarAsync<long>($"SELECT count(*) FROM {_schema}.schema_migrations")).ShouldBe(2);
        (await database.ScalarAsync<long>($"SELECT count(*) FROM {_schema}.things")).ShouldBe(1);
    }

    [Fact]
    public async Task An_applied_file_whose_content_changed_is_refused()
    {
        var migrator = new SqlMigrator(_dataSource, NullLogger<SqlMigrator>.Instance, []);
        await migrator.MigrateAsync([Source("CREATE TABLE {0}.things (id int);")], CancellationToken.None);

        var changed = await Should.ThrowAsync<MigrationChangedException>(() =>
            migrator.MigrateAsync([Source("CREATE TABLE {0}.things (id bigint);")], CancellationToken.None));

        changed.Message.ShouldContain("0001_step.sql");
    }

    [Fact]
    public async Task A_failing_file_rolls_back_and_is_not_recorded()
    {
        var migrator = new SqlMigrator(_dataSource, NullLogger<SqlMigrator>.Instance, []);

        await Should.ThrowAsync<PostgresException>(() =>
            migrator.MigrateAsync([Source("CREATE TABLE {0}.things (id int); SELECT no_such_function();")], CancellationToken.None));

        await using var database = new TestDatabase(_settings);
        (await database.ScalarAsync<long>($"SELECT count(*) FROM {_schema}.schema_migrations")).ShouldBe(0);
        (await database.ScalarAsync<bool>("SELECT to_regclass($1) IS NULL", $"{_schema}.things")).ShouldBeTrue();
    }

    private MigrationSource Source(params string[] steps) => new(
        _schema,
        steps.Select((sql, index) => new MigrationScript(index == 0 ? "0001_step.sql" : $"{index + 1:0000}_step.sql", string.Format(sql, _schema))).ToList());
}
