using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Modular.BuildingBlocks.Infrastructure.Messaging.Outbox;

/// <summary>
/// LISTENs for the outbox trigger's NOTIFY so a commit made by another instance wakes this instance's dispatcher at once
/// instead of at the next poll. One connection for all modules; the payload names the schema.
/// </summary>
internal sealed class OutboxNotificationListener(NpgsqlDataSource dataSource, OutboxSignals signals, ILogger<OutboxNotificationListener> logger)
    : BackgroundService
{
    public const string Channel = "modular_outbox";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, notification) => signals.Wake(notification.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
            {
                // Polling still delivers meanwhile; reconnect shortly.
                logger.LogWarning(exception, "Outbox notification listener lost its connection; reconnecting");
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }
}
