using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Modular.Acquisition.CardNetwork;
using Modular.Acquisition.Infrastructure;
using Modular.BuildingBlocks.Infrastructure.Persistence;
using Npgsql;

namespace Modular.Acquisition.Features.AuthorizePayment;

/// <summary>
/// Asks the card network for the pending transactions, outside any database transaction: it leases due rows (one short
/// UPDATE), calls the network for each concurrently (at most <see cref="AuthorizerOptions.MaxInFlight"/>), and has the
/// <see cref="PaymentAnswerRecorder"/> record each answer with its messages in a short transaction. Woken by the
/// request's NOTIFY, polling as a fallback.
/// A crash after the network answered leaves the row Pending; once the lease runs out it is asked again, and the
/// network's idempotency per reference returns the same approval, so the card is never charged twice.
/// </summary>
internal sealed class PaymentAuthorizer(
    ModuleDataSource<AcquisitionDbContext> database,
    ICardNetwork network,
    PaymentAnswerRecorder recorder,
    IOptions<AuthorizerOptions> authorizerOptions,
    IOptionsMonitor<CardNetworkOptions> networkOptions,
    TimeProvider clock,
    ILogger<PaymentAuthorizer> logger) : BackgroundService
{
    private readonly AuthorizerOptions _options = authorizerOptions.Value;
    private readonly SemaphoreSlim _slots = new(authorizerOptions.Value.MaxInFlight, authorizerOptions.Value.MaxInFlight);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var listener = await database.DataSource.OpenConnectionAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {AuthorizationQueue.Channel}", listener))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                while (!stoppingToken.IsCancellationRequested)
                {
                    if (await ClaimAndAuthorizeAsync(stoppingToken) == 0)
                    {
                        await listener.WaitAsync(_options.PollInterval, stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // Whatever failed (usually the listening connection), pending rows wait in the table: start over shortly.
                logger.LogWarning(exception, "Payment authorizer failed; restarting in 2 s");
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // Let the calls in flight finish and record their answers (graceful shutdown); a lease covers the rest.
        var drained = 0;
        try
        {
            for (; drained < _options.MaxInFlight; drained++)
            {
                await _slots.WaitAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("Shutdown timed out with payment authorizations in flight; they are asked again when their lease runs out");
        }
        finally
        {
            // Hand the slots back: a host may stop its services twice (WebApplication.Run and its owner both stop it), and
            // the second stop would otherwise wait its whole timeout for slots the first one kept.
            if (drained > 0)
            {
                _slots.Release(drained);
            }
        }
    }

    private async Task<int> ClaimAndAuthorizeAsync(CancellationToken stoppingToken)
    {
        // Claim no more than there are free slots, so a leased row never waits for one.
        await _slots.WaitAsync(stoppingToken);
        _slots.Release();
        var due = await ClaimAsync(Math.Min(_options.BatchSize, _slots.CurrentCount), stoppingToken);
        foreach (var request in due)
        {
            await _slots.WaitAsync(stoppingToken);
            _ = Task.Run(async () =>
            {
                try
                {
                    await AuthorizeAsync(request);
                }
                finally
                {
                    _slots.Release();
                }
            }, CancellationToken.None);
        }

        return due.Count;
    }

    private async Task<List<(Guid Id, CardAuthorization Request)>> ClaimAsync(int limit, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(AuthorizationQueue.Claim);
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        command.Parameters.Add(new NpgsqlParameter { Value = (networkOptions.CurrentValue.AnswerTimeout + _options.LeaseBeyondAnswerTimeout).TotalSeconds });
        var due = new List<(Guid, CardAuthorization)>(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            due.Add((reader.GetGuid(0), new CardAuthorization(reader.GetGuid(1), reader.GetGuid(2), reader.GetInt64(3), reader.GetString(4))));
        }

        return due;
    }

    private async Task AuthorizeAsync((Guid Id, CardAuthorization Request) due)
    {
        try
        {
            CardNetworkAnswer? answer;
            using (var timeout = new CancellationTokenSource(networkOptions.CurrentValue.AnswerTimeout, clock))
            {
                try
                {
                    answer = await network.AuthorizeAsync(due.Request, timeout.Token);
                }
                catch (OperationCanceledException) when (timeout.IsCancellationRequested)
                {
                    answer = null;
                }
            }

            await recorder.RecordAsync(due.Id, answer);
        }
        catch (Exception exception)
        {
            // The row stays Pending under its lease and is asked again when the lease runs out.
            logger.LogError(exception, "Authorization of payment {PaymentId} failed; it is retried after its lease", due.Id);
        }
    }
}
