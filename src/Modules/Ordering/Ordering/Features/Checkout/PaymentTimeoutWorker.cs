using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Modular.Acquisition.Contracts;
using Modular.BuildingBlocks.Infrastructure.Messaging.Outbox;
using Modular.BuildingBlocks.Infrastructure.Persistence;
using Modular.Ordering.Contracts;
using Modular.Ordering.Infrastructure;
using Npgsql;

namespace Modular.Ordering.Features.Checkout;

/// <summary>
/// The checkout's timer (the broker has no scheduler plugin): polls due payment deadlines and publishes
/// CheckoutPaymentTimedOut through the outbox. A due deadline only means "look now": the order is cancelled for no
/// answer only if Acquisition says the card network was asked and stayed silent (its verdict counts from the call
/// itself). A payment still under way — its request in an outbox or a queue, waiting for the authorizer, being asked,
/// or answered with the answer not delivered yet — is the platform's delay, not the network's: its deadline is moved
/// <see cref="CheckoutOptions.AnswerRecheckInterval"/> ahead. Every instance runs it: the conditional updates let
/// each checkout time out once. "Now" is the clock from DI, the one deadlines are set by, not the database's.
/// </summary>
internal sealed class PaymentTimeoutWorker(
    ModuleDataSource<OrderingDbContext> database,
    IServiceScopeFactory scopes,
    OutboxSignals outboxSignals,
    IOptions<CheckoutOptions> options,
    TimeProvider clock,
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
                while (await JudgeDueDeadlinesAsync(stoppingToken) == BatchSize)
                {
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Judging checkout deadlines failed; retried on the next pass");
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

        IReadOnlySet<PaymentReference> unanswered;
        await using (var scope = scopes.CreateAsyncScope())
        {
            unanswered = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetUnansweredPayments(due), cancellationToken);
        }

        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var timedOut = await TimeOutAsync(connection, transaction, [.. unanswered.Select(payment => payment.Reference)], now, cancellationToken);
        await RecheckLaterAsync(connection, transaction, [.. due.Except(unanswered).Select(payment => payment.Reference)], now, cancellationToken);
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

        return due.Count;
    }

    private async Task<List<PaymentReference>> DueAsync(DateTime now, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("""
            SELECT merchant_id, correlation_id FROM ordering.checkout_states
             WHERE current_state = 'AwaitingPayment' AND timeout_published_at IS NULL AND payment_deadline <= $1
             ORDER BY payment_deadline
             LIMIT $2
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        command.Parameters.Add(new NpgsqlParameter { Value = BatchSize });
        var due = new List<PaymentReference>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            due.Add(new PaymentReference(reader.GetGuid(0), reader.GetGuid(1)));
        }

        return due;
    }

    /// <summary>Marks the checkouts timed out (those still waiting: a saga message may have settled one meanwhile) and returns their messages.</summary>
    private static async Task<List<object>> TimeOutAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid[] orders, DateTime now, CancellationToken cancellationToken)
    {
        var timedOut = new List<object>();
        if (orders.Length == 0)
        {
            return timedOut;
        }

        await using var command = new NpgsqlCommand("""
            UPDATE ordering.checkout_states SET timeout_published_at = $2
             WHERE correlation_id = ANY($1) AND current_state = 'AwaitingPayment' AND timeout_published_at IS NULL
            RETURNING correlation_id, payment_deadline
            """, connection, transaction)
        {
            Parameters = { new NpgsqlParameter { Value = orders }, new NpgsqlParameter { Value = now } },
        };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            timedOut.Add(new CheckoutPaymentTimedOut(reader.GetGuid(0), new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero)));
        }

        return timedOut;
    }

    private async Task RecheckLaterAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid[] orders, DateTime now, CancellationToken cancellationToken)
    {
        if (orders.Length == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand("""
            UPDATE ordering.checkout_states SET payment_deadline = $2
             WHERE correlation_id = ANY($1) AND current_state = 'AwaitingPayment' AND timeout_published_at IS NULL AND payment_deadline <= $3
            """, connection, transaction)
        {
            Parameters =
            {
                new NpgsqlParameter { Value = orders },
                new NpgsqlParameter { Value = now + options.Value.AnswerRecheckInterval },
                new NpgsqlParameter { Value = now },
            },
        };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
