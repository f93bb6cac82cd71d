using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Modular.BuildingBlocks.Infrastructure.Persistence;
using Npgsql;

namespace Modular.BuildingBlocks.Infrastructure.Messaging.Outbox;

/// <summary>Every few seconds, measures a module's outbox backlog (pending count, oldest pending age, dead letters) for metrics and readiness.</summary>
internal sealed class OutboxBacklogMonitor<TContext>(ModuleDataSource<TContext> module, MessagingMetrics metrics, ILogger<OutboxBacklogMonitor<TContext>> logger)
    : BackgroundService
    where TContext : ModuleDbContext
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                metrics.UpdateBacklog(module.Schema, await MeasureAsync(stoppingToken));
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
            {
                logger.LogWarning(exception, "Could not measure the outbox backlog of {Schema}", module.Schema);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private async Task<OutboxBacklog> MeasureAsync(CancellationToken cancellationToken)
    {
        await using var command = module.DataSource.CreateCommand($"""
            SELECT count(*) FILTER (WHERE dead_lettered_at IS NULL),
                   coalesce(extract(epoch FROM now() - min(created_at) FILTER (WHERE dead_lettered_at IS NULL)), 0),
                   count(*) FILTER (WHERE dead_lettered_at IS NOT NULL)
            FROM {module.Schema}.outbox_messages
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new OutboxBacklog(reader.GetInt64(0), TimeSpan.FromSeconds((double)reader.GetDecimal(1)), reader.GetInt64(2));
    }
}
