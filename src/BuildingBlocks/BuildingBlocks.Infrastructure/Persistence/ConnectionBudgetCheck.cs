using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Modular.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// Start-up refuses a configuration whose pools, over all planned instances, could take more than their share of the
/// server's max_connections: "too many clients" under load is found here, before any traffic, not in a launch.
/// </summary>
public sealed class ConnectionBudgetCheck(
    NpgsqlDataSource platform, IEnumerable<ConnectionPool> pools, IOptions<ConnectionBudgetOptions> options, ILogger<ConnectionBudgetCheck> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var command = platform.CreateCommand("SELECT current_setting('max_connections')::int");
        var maxConnections = (int)(await command.ExecuteScalarAsync(cancellationToken))!;
        var budget = options.Value;
        var perInstance = pools.Sum(pool => pool.MaxSize);
        var allowed = (int)(maxConnections * budget.ShareOfMaxConnections);
        var breakdown = string.Join(", ", pools.OrderBy(pool => pool.Name, StringComparer.Ordinal).Select(pool => $"{pool.Name} {pool.MaxSize}"));
        if (perInstance * budget.Instances > allowed)
        {
            throw new InvalidOperationException(
                $"The connection pools take up to {perInstance} connections per instance ({breakdown}), {perInstance * budget.Instances} for " +
                $"{budget.Instances} instances ({ConnectionBudgetOptions.Section}:Instances), over the budget of {allowed} " +
                $"({budget.ShareOfMaxConnections:P0} of max_connections = {maxConnections}). Lower a pool or raise max_connections.");
        }

        logger.LogInformation(
            "Connection budget: {PerInstance} per instance ({Breakdown}) x {Instances} instances = {Planned} of {Allowed} allowed (max_connections {MaxConnections})",
            perInstance, breakdown, budget.Instances, perInstance * budget.Instances, allowed, maxConnections);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
