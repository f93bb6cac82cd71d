using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Modular.BuildingBlocks.Infrastructure.Messaging.Outbox;
using Modular.BuildingBlocks.Infrastructure.Persistence;
using Modular.Ordering.Contracts;
using Modular.Ordering.Infrastructure;
using Npgsql;

namespace Modular.Ordering.Features.Checkout;

/// <summary>
/// The checkout's timer (the broker has no scheduler plugin): polls due payment deadlines, marks them and publishes
/// CheckoutPaymentTimedOut through the outbox in one transaction. SKIP LOCKED lets every instance run it: each due
/// checkout is taken by one of them, and a checkout a saga message holds is taken on a later pass.
/// </summary>
internal sealed class PaymentTimeoutWorker(
    ModuleDataSource<OrderingDbContext> database,
    OutboxSignals outboxSignals,
    IOptions<CheckoutOptions> options,
    ILogger<PaymentTimeoutWorker> logger) : BackgroundService
{
    private const int BatchSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.TimeoutPollInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                while (await PublishDueTimeoutsAsync(stoppingToken) == BatchSize)
                {
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Publishing checkout timeouts failed; retried on the next pass");
            }
        }
    }

    private async Task<int> PublishDueTimeoutsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        const string sql = """
            WITH due AS (
                SELECT correlation_id FROM ordering.checkout_states
                 WHERE current_state = 'AwaitingPayment' AND timeout_published_at IS NULL AND payment_deadline <= now()
                 ORDER BY payment_deadline
                 LIMIT $1
                   FOR UPDATE SKIP LOCKED)
            UPDATE ordering.checkout_states AS s SET timeout_published_at = now()
              FROM due WHERE s.correlation_id = due.correlation_id
            RETURNING s.correlation_id, s.payment_deadline
            """;
        var timedOut = new List<object>();
        await using (var command = new NpgsqlCommand(sql, connection, transaction) { Parameters = { new NpgsqlParameter { Value = BatchSize } } })
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                timedOut.Add(new CheckoutPaymentTimedOut(reader.GetGuid(0), new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero)));
            }
        }

        if (timedOut.Count > 0)
        {
            await using var batch = new NpgsqlBatch(connection, transaction) { BatchCommands = { OutboxBatchCommand.Publish(OrderingModule.ModuleName, timedOut) } };
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (timedOut.Count > 0)
        {
            outboxSignals.Wake(OrderingModule.ModuleName);
        }

        return timedOut.Count;
    }
}
