using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Modular.BuildingBlocks.Infrastructure.Messaging.Outbox;
using Modular.BuildingBlocks.Infrastructure.Persistence;
using Modular.Funding.Contracts;
using Modular.Funding.Infrastructure;
using Npgsql;

namespace Modular.Funding.Features.PledgeSaga;

/// <summary>
/// The pledge saga's timer (the broker has no scheduler plugin): polls due payment deadlines, marks them and publishes
/// PledgePaymentTimedOut through the outbox in one transaction. SKIP LOCKED lets every instance run it: each due
/// pledge is taken by one of them. "No answer in time" is only judged once the question was asked: while the pledge's
/// AuthorizePayment may still wait in this module's outbox (broker down, a launch's backlog), a due deadline is moved a
/// whole timeout ahead instead. "Now" is the clock from DI, the one the deadlines are set by.
/// </summary>
internal sealed class PledgePaymentTimeoutWorker(
    ModuleDataSource<FundingDbContext> database,
    OutboxSignals outboxSignals,
    IOptions<FundingOptions> options,
    TimeProvider clock,
    ILogger<PledgePaymentTimeoutWorker> logger) : BackgroundService
{
    private const int BatchSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval);
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
                logger.LogWarning(exception, "Publishing pledge payment timeouts failed; retried on the next pass");
            }
        }
    }

    private async Task<int> PublishDueTimeoutsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The outbox's oldest pending row stands for the backlog: a pledge placed after it (with a margin for the batch)
        // may still have its AuthorizePayment there.
        const string sql = """
            WITH backlog AS (
                SELECT created_at AS oldest FROM funding.outbox_messages WHERE dead_lettered_at IS NULL ORDER BY id LIMIT 1),
            due AS (
                SELECT s.correlation_id,
                       coalesce(s.pledged_at + interval '5 seconds' >= (SELECT oldest FROM backlog), false) AS request_still_queued
                  FROM funding.pledge_states s
                 WHERE s.current_state = 'AwaitingPayment' AND s.timeout_published_at IS NULL AND s.payment_deadline <= $3
                 ORDER BY s.payment_deadline
                 LIMIT $1
                   FOR UPDATE OF s SKIP LOCKED)
            UPDATE funding.pledge_states AS s
               SET timeout_published_at = CASE WHEN due.request_still_queued THEN NULL ELSE $3 END,
                   payment_deadline = CASE WHEN due.request_still_queued THEN $3 + $2 ELSE s.payment_deadline END
              FROM due WHERE s.correlation_id = due.correlation_id
            RETURNING s.correlation_id, s.payment_deadline, due.request_still_queued
            """;
        var timedOut = new List<object>();
        var handled = 0;
        await using (var command = new NpgsqlCommand(sql, connection, transaction)
                     {
                         Parameters =
                         {
                             new NpgsqlParameter { Value = BatchSize },
                             new NpgsqlParameter { Value = options.Value.PaymentTimeout },
                             new NpgsqlParameter { Value = clock.GetUtcNow().UtcDateTime },
                         },
                     })
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                handled++;
                if (!reader.GetBoolean(2))
                {
                    timedOut.Add(new PledgePaymentTimedOut(reader.GetGuid(0), new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero)));
                }
            }
        }

        if (timedOut.Count > 0)
        {
            await using var batch = new NpgsqlBatch(connection, transaction) { BatchCommands = { OutboxBatchCommand.Publish(FundingModule.ModuleName, timedOut) } };
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (timedOut.Count > 0)
        {
            outboxSignals.Wake(FundingModule.ModuleName);
        }

        return handled;
    }
}
