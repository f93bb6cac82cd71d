using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Modular.BuildingBlocks.Infrastructure.Messaging.Outbox;
using Modular.BuildingBlocks.Infrastructure.Persistence;
using Npgsql;

namespace Modular.BuildingBlocks.Infrastructure.Messaging.Sagas;

/// <summary>A saga waiting for a payment answer whose deadline is due: its correlation id (the payment's reference) and merchant.</summary>
public sealed record DuePayment(Guid CorrelationId, Guid MerchantId);

/// <summary>Where a module's payment sagas keep their deadlines, and how often they are looked at.</summary>
/// <param name="Table">The saga table (schema-qualified): correlation_id, merchant_id, current_state, payment_deadline, timeout_published_at.</param>
/// <param name="RecheckInterval">How soon a due deadline whose payment is still under way is looked at again.</param>
public sealed record PaymentDeadlines(string Module, string Table, TimeSpan PollInterval, TimeSpan RecheckInterval);

/// <summary>
/// The timer of a saga that waits for a card payment (the broker has no scheduler plugin): polls the due deadlines of
/// sagas still AwaitingPayment and publishes their timeout messages through the module's outbox. A due deadline only
/// means "look now": <see cref="ExpiredAsync"/> says which payments really went unanswered (the module asks the payment
/// side); the others are still under way, the platform's delay rather than the network's, and their deadline moves
/// <see cref="PaymentDeadlines.RecheckInterval"/> ahead. Every instance runs it: the conditional updates let each saga
/// time out once. "Now" is the clock from DI, the one deadlines are set by, not the database's.
/// </summary>
public abstract class PaymentDeadlineWorker<TContext>(
    ModuleDataSource<TContext> database, IServiceScopeFactory scopes, OutboxSignals outboxSignals, TimeProvider clock, ILogger logger) : BackgroundService
    where TContext : ModuleDbContext
{
    private const int BatchSize = 500;

    protected abstract PaymentDeadlines Deadlines { get; }

    /// <summary>The due payments whose answer really failed to come, asked of the payment side through <paramref name="mediator"/>.</summary>
    protected abstract Task<IReadOnlySet<Guid>> ExpiredAsync(IMediator mediator, IReadOnlyList<DuePayment> due, CancellationToken cancellationToken);

    /// <summary>The message that times the saga out.</summary>
    protected abstract object TimedOut(Guid correlationId, DateTimeOffset deadline);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Deadlines.PollInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                while (await JudgeDueDeadlinesAsync(stoppingToken) == BatchSize)
                {
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Judging payment deadlines of {Table} failed; retried on the next pass", Deadlines.Table);
            }
        }
    }

    private async Task<int> JudgeDueDeadlinesAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await DueAsync(now, cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        IReadOnlySet<Guid> expired;
        await using (var scope = scopes.CreateAsyncScope())
        {
            expired = await ExpiredAsync(scope.ServiceProvider.GetRequiredService<IMediator>(), due, cancellationToken);
        }

        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var timedOut = await TimeOutAsync(connection, transaction, [.. expired], now, cancellationToken);
        await RecheckLaterAsync(connection, transaction, [.. due.Select(payment => payment.CorrelationId).Where(id => !expired.Contains(id))], now, cancellationToken);
        if (timedOut.Count > 0)
        {
            await using var batch = new NpgsqlBatch(connection, transaction) { BatchCommands = { OutboxBatchCommand.Publish(Deadlines.Module, timedOut) } };
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (timedOut.Count > 0)
        {
            outboxSignals.Wake(Deadlines.Module);
        }

        return due.Count;
    }

    // The table names below are the module's own constants, never input.
    private async Task<List<DuePayment>> DueAsync(DateTime now, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand($"""
            SELECT correlation_id, merchant_id FROM {Deadlines.Table}
             WHERE current_state = 'AwaitingPayment' AND timeout_published_at IS NULL AND payment_deadline <= $1
             ORDER BY payment_deadline
             LIMIT $2
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        command.Parameters.Add(new NpgsqlParameter { Value = BatchSize });
        var due = new List<DuePayment>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            due.Add(new DuePayment(reader.GetGuid(0), reader.GetGuid(1)));
        }

        return due;
    }

    /// <summary>Marks the sagas timed out (those still waiting: a saga message may have settled one meanwhile) and returns their messages.</summary>
    private async Task<List<object>> TimeOutAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid[] expired, DateTime now, CancellationToken cancellationToken)
    {
        var timedOut = new List<object>();
        if (expired.Length == 0)
        {
            return timedOut;
        }

        await using var command = new NpgsqlCommand($"""
            UPDATE {Deadlines.Table} SET timeout_published_at = $2
             WHERE correlation_id = ANY($1) AND current_state = 'AwaitingPayment' AND timeout_published_at IS NULL
            RETURNING correlation_id, payment_deadline
            """, connection, transaction)
        {
            Parameters = { new NpgsqlParameter { Value = expired }, new NpgsqlParameter { Value = now } },
        };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            timedOut.Add(TimedOut(reader.GetGuid(0), new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero)));
        }

        return timedOut;
    }

    private async Task RecheckLaterAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid[] underWay, DateTime now, CancellationToken cancellationToken)
    {
        if (underWay.Length == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand($"""
            UPDATE {Deadlines.Table} SET payment_deadline = $2
             WHERE correlation_id = ANY($1) AND current_state = 'AwaitingPayment' AND timeout_published_at IS NULL AND payment_deadline <= $3
            """, connection, transaction)
        {
            Parameters =
            {
                new NpgsqlParameter { Value = underWay },
                new NpgsqlParameter { Value = now + Deadlines.RecheckInterval },
                new NpgsqlParameter { Value = now },
            },
        };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
