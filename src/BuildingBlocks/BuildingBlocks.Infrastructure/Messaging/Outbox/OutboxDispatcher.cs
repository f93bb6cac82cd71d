using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Modular.BuildingBlocks.Infrastructure.Messaging.Priority;
using Modular.BuildingBlocks.Infrastructure.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace Modular.BuildingBlocks.Infrastructure.Messaging.Outbox;

/// <summary>
/// Delivers one module's outbox to RabbitMQ. Its lanes take batches, oldest first, with FOR UPDATE SKIP LOCKED (lanes
/// and other instances share the work; delivery order is not guaranteed), publish a batch concurrently with each row's
/// stored MessageId, delete what was delivered and back off what failed; a row that keeps failing is dead-lettered in
/// place. A broker outage only pauses delivery: what fails while the bus is not connected is the broker's doing, counts
/// as no attempt and is retried as soon as the bus reports healthy again, so nothing waits out a backoff for an outage
/// (deadlines of the messages' readers would pass meanwhile). Each batch passes the <see cref="BackgroundGate"/> first: while the web
/// tier is busy, messages wait in the table (where keeping them is cheapest) rather than compete with its requests.
/// </summary>
internal sealed class OutboxDispatcher<TContext>(
    ModuleDataSource<TContext> module,
    IBusControl bus,
    OutboxSignals signals,
    BackgroundGate gate,
    MessagingMetrics metrics,
    IOptions<MessagingOptions> options,
    ILogger<OutboxDispatcher<TContext>> logger) : BackgroundService
    where TContext : ModuleDbContext
{
    // While the broker is away a lane watches the bus's health (in memory) and probes with a batch at most this often.
    private static readonly TimeSpan OutageProbeInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan HealthCheckInterval = TimeSpan.FromMilliseconds(100);

    // How long the first dispatch waits for the bus to start its receive endpoints; past it, delivery starts anyway.
    private static readonly TimeSpan StartupWait = TimeSpan.FromSeconds(60);
    private readonly MessagingOptions _options = options.Value;
    private readonly string _schema = module.Schema;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        _options.DispatchOutbox
            ? Task.WhenAll(Enumerable.Range(0, Math.Max(1, _options.DispatchLanes)).Select(_ => RunLaneAsync(stoppingToken)))
            : Task.CompletedTask;

    /// <summary>
    /// One dispatch loop. Lanes share the table through SKIP LOCKED; an idle lane sleeps until woken, and a lane that
    /// finds a full batch wakes another, so under load every lane works and at rest one wake-up costs one pass.
    /// </summary>
    private async Task RunLaneAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        await WaitForReceiveEndpointsAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var pass = await DispatchBatchAsync(stoppingToken);
                if (pass.BrokerUnreachable)
                {
                    await WaitForBrokerAsync(stoppingToken);
                    continue;
                }

                if (!pass.Full)
                {
                    await signals.WaitAsync(_schema, _options.PollInterval, stoppingToken);
                }
                else
                {
                    signals.Wake(_schema);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                logger.LogWarning(exception, "Outbox dispatch of {Schema} failed; retrying", _schema);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    /// <summary>
    /// On a fresh broker the consumers' queues and their bindings are declared as the receive endpoints start, and
    /// RabbitMQ drops what is published to an exchange nothing is bound to yet: rows written before this Host started
    /// (demo data, a crash's backlog) would be lost. So the first batch waits until the bus reports every endpoint
    /// ready (healthy), for at most <see cref="StartupWait"/>.
    /// </summary>
    private async Task WaitForReceiveEndpointsAsync(CancellationToken cancellationToken)
    {
        var giveUpAt = DateTime.UtcNow + StartupWait;
        while (!BrokerConnected())
        {
            if (DateTime.UtcNow >= giveUpAt)
            {
                logger.LogWarning("The bus did not report every receive endpoint ready within {Wait}; dispatching the outbox of {Schema} anyway", StartupWait, _schema);
                return;
            }

            await Task.Delay(HealthCheckInterval, cancellationToken);
        }
    }

    /// <summary>Returns as soon as the bus is connected again (or after a probe interval, should its health never say so).</summary>
    private async Task WaitForBrokerAsync(CancellationToken cancellationToken)
    {
        var probeAt = DateTime.UtcNow + OutageProbeInterval;
        while (!BrokerConnected() && DateTime.UtcNow < probeAt)
        {
            await Task.Delay(HealthCheckInterval, cancellationToken);
        }
    }

    private bool BrokerConnected() => bus.CheckHealth().Status == BusHealthStatus.Healthy;

    private async Task<DispatchPass> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        using var pass = await gate.EnterAsync(cancellationToken);
        await using var connection = await module.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var size = pass.WhileBusy ? _options.DispatchBatchSizeWhenBusy : _options.DispatchBatchSize;
        var batch = await TakeBatchAsync(connection, size, cancellationToken);
        if (batch.Count == 0)
        {
            await transaction.CommitAsync(cancellationToken);
            return new DispatchPass(Full: false, BrokerUnreachable: false);
        }

        // One deadline for the whole batch: its publishes are concurrent, and one timer per message costs more than it tells.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.PublishTimeout);
        var outcomes = await Task.WhenAll(batch.Select(message => PublishAsync(message, timeout.Token, cancellationToken)));
        var delivered = outcomes.Where(outcome => outcome.Error is null).Select(outcome => outcome.Message.Id).ToArray();
        // What failed in the transport while the bus was not connected failed for the broker, whatever the exception says.
        var transportFailures = outcomes.Where(outcome => outcome.Error is not null && !IsMessageFault(outcome.Error)).ToList();
        var unreachable = transportFailures.Count > 0 && (transportFailures.Any(outcome => IsBrokerUnreachable(outcome.Error!)) || !BrokerConnected());
        var failed = outcomes.Where(outcome => outcome.Error is not null && (IsMessageFault(outcome.Error) || !unreachable)).ToList();

        await DeleteAsync(connection, delivered, cancellationToken);
        await RecordFailuresAsync(connection, failed, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        metrics.Delivered(_schema, delivered.Length);
        if (unreachable)
        {
            logger.LogWarning("Broker unreachable; {Count} outbox messages of {Schema} wait for it", batch.Count - delivered.Length, _schema);
        }

        return new DispatchPass(batch.Count == size, unreachable);
    }

    private async Task<List<PendingOutboxMessage>> TakeBatchAsync(NpgsqlConnection connection, int size, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            SELECT id, message_id, message_type, body, destination, correlation_id, conversation_id, initiator_id, headers, created_at, attempts, trace_context
            FROM {_schema}.outbox_messages
            WHERE dead_lettered_at IS NULL AND next_attempt_at <= now()
            ORDER BY id
            LIMIT @batch
            FOR UPDATE SKIP LOCKED
            """, connection);
        command.Parameters.AddWithValue("batch", size);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var batch = new List<PendingOutboxMessage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            batch.Add(new PendingOutboxMessage(
                reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetGuid(5),
                reader.IsDBNull(6) ? null : reader.GetGuid(6),
                reader.IsDBNull(7) ? null : reader.GetGuid(7),
                reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.GetDateTime(9), reader.GetInt32(10), reader.IsDBNull(11) ? null : reader.GetString(11)));
        }

        return batch;
    }

    private async Task<DeliveryOutcome> PublishAsync(PendingOutboxMessage message, CancellationToken timeout, CancellationToken cancellationToken)
    {
        // The writer's span is the parent: MassTransit's send span (and its headers) hang below this one.
        using var delivery = OutboxTraceContext.StartDelivery(message.TraceContext, message.MessageType);
        try
        {
            var body = OutboxMessageFactory.ReadBody(message.MessageType, message.Body);
            var pipe = new ReplayPipe(message);
            if (message.Destination is null)
            {
                await bus.Publish(body, body.GetType(), pipe, timeout);
            }
            else
            {
                var endpoint = await bus.GetSendEndpoint(new Uri(message.Destination));
                await endpoint.Send(body, body.GetType(), pipe, timeout);
            }

            return new DeliveryOutcome(message, null);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            return new DeliveryOutcome(message, exception);
        }
    }

    private async Task DeleteAsync(NpgsqlConnection connection, long[] delivered, CancellationToken cancellationToken)
    {
        if (delivered.Length == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand($"DELETE FROM {_schema}.outbox_messages WHERE id = ANY(@ids)", connection);
        command.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = delivered });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task RecordFailuresAsync(NpgsqlConnection connection, List<DeliveryOutcome> failed, CancellationToken cancellationToken)
    {
        foreach (var failure in failed)
        {
            var attempts = failure.Message.Attempts + 1;
            var deadLetter = attempts >= _options.MaxDeliveryAttempts || IsMessageFault(failure.Error!);
            await using var command = new NpgsqlCommand($"""
                UPDATE {_schema}.outbox_messages
                SET attempts = @attempts, last_error = @error,
                    next_attempt_at = now() + make_interval(secs => @delay),
                    dead_lettered_at = CASE WHEN @deadLetter THEN now() END
                WHERE id = @id
                """, connection);
            command.Parameters.AddWithValue("attempts", attempts);
            command.Parameters.AddWithValue("error", failure.Error!.ToString());
            command.Parameters.AddWithValue("delay", Math.Min(Math.Pow(2, attempts), 300));
            command.Parameters.AddWithValue("deadLetter", deadLetter);
            command.Parameters.AddWithValue("id", failure.Message.Id);
            await command.ExecuteNonQueryAsync(cancellationToken);

            if (deadLetter)
            {
                metrics.DeadLettered(_schema);
                logger.LogError(failure.Error, "Outbox message {MessageId} ({MessageType}) of {Schema} dead-lettered after {Attempts} attempts",
                    failure.Message.MessageId, failure.Message.MessageType, _schema, attempts);
            }
            else
            {
                metrics.Retrying(_schema);
                logger.LogWarning(failure.Error, "Outbox message {MessageId} of {Schema} failed (attempt {Attempts}); will retry",
                    failure.Message.MessageId, _schema, attempts);
            }
        }
    }

    // The stored message itself cannot be read: no retry can help.
    private static bool IsMessageFault(Exception exception) => exception is TypeLoadException or System.Text.Json.JsonException or FileNotFoundException;

    // The broker being down (or slow to confirm) is not the message's fault: such failures never count as attempts.
    private static bool IsBrokerUnreachable(Exception exception) =>
        exception is ConnectionException or OperationCanceledException or TimeoutException
        || (exception.InnerException is { } inner && IsBrokerUnreachable(inner));

    private sealed record DeliveryOutcome(PendingOutboxMessage Message, Exception? Error);

    private sealed record DispatchPass(bool Full, bool BrokerUnreachable);
}
