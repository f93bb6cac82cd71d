using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Modular.BuildingBlocks.Infrastructure.Persistence;
using Npgsql;

namespace Modular.BuildingBlocks.Infrastructure.Messaging.Inbox;

/// <summary>Deletes a module's inbox rows older than the retention window, in small batches so it never holds long locks.</summary>
internal sealed class InboxCleanupService<TContext>(
    ModuleDataSource<TContext> module,
    IOptions<MessagingOptions> options,
    ILogger<InboxCleanupService<TContext>> logger) : BackgroundService
    where TContext : ModuleDbContext
{
    private const int BatchSize = 5_000;
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                int deleted;
                do
                {
                    deleted = await DeleteBatchAsync(stoppingToken);
                }
                while (deleted == BatchSize);
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
            {
                logger.LogWarning(exception, "Inbox cleanup of {Schema} failed; will try again", module.Schema);
            }
        }
    }

    public async Task<int> DeleteBatchAsync(CancellationToken cancellationToken)
    {
        await using var command = module.DataSource.CreateCommand($"""
            DELETE FROM {module.Schema}.inbox_messages
            WHERE ctid IN (SELECT ctid FROM {module.Schema}.inbox_messages WHERE received_at < now() - @retention LIMIT {BatchSize})
            """);
        command.Parameters.AddWithValue("retention", options.Value.InboxRetention);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
