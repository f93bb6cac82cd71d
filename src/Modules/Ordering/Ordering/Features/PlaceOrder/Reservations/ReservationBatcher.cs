using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Modular.BuildingBlocks.Infrastructure.Batching;
using Modular.BuildingBlocks.Infrastructure.Messaging.Outbox;
using Modular.BuildingBlocks.Infrastructure.Messaging.Sagas;
using Modular.BuildingBlocks.Infrastructure.Persistence;
using Modular.Ordering.Features.Checkout;
using Modular.Ordering.Infrastructure;
using Npgsql;

namespace Modular.Ordering.Features.PlaceOrder.Reservations;

/// <summary>
/// Coalesces the orders that arrive while the previous batch is in the database into ONE transaction: the hot product's
/// row is locked once per batch (one conditional UPDATE per product for the summed quantity) instead of once per
/// request. When a product's summed demand does not fit, the batch falls back to per-order conditional UPDATEs
/// (<c>ordering.reserve_each</c>), so exactly the orders that fit are accepted. The guard <c>stock &gt;= qty</c> on the
/// row stays the single source of truth, so any number of instances can run side by side.
/// </summary>
internal sealed class ReservationBatcher(
    ModuleDataSource<OrderingDbContext> database,
    SoldOutProducts soldOut,
    OutboxSignals outboxSignals,
    IOptions<CheckoutOptions> checkout,
    SagaEndpoint<CheckoutState> checkoutEndpoint,
    OrderingMetrics metrics,
    ILogger<ReservationBatcher> logger) : BackgroundService
{
    private const int MaxBatchSize = 1_000;
    private const int MaxAttempts = 3;
    private readonly Channel<PendingOrder> _queue = Channel.CreateUnbounded<PendingOrder>(new UnboundedChannelOptions { SingleReader = true });

    public Task<PlacementOutcome> PlaceAsync(PendingOrder order)
    {
        if (!_queue.Writer.TryWrite(order))
        {
            throw new InvalidOperationException("The reservation batcher is stopped.");
        }

        return order.Completion.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<PendingOrder>(MaxBatchSize);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < MaxBatchSize && _queue.Reader.TryRead(out var order))
                {
                    batch.Add(order);
                }

                // The batch in flight finishes even when the host stops: its callers are waiting for the outcome.
                await ProcessAsync(batch);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _queue.Writer.TryComplete();
            while (_queue.Reader.TryRead(out var order))
            {
                order.Completion.TrySetException(new OperationCanceledException("The host is stopping."));
            }
        }
    }

    private async Task ProcessAsync(List<PendingOrder> batch)
    {
        var (leaders, followers) = SameKeyFollowers(batch);
        await SettleAsync(leaders);
        foreach (var (follower, leader) in followers)
        {
            _ = AnswerLikeLeaderAsync(follower, leader);
        }
    }

    /// <summary>
    /// Reserves and stores the orders in one transaction. When one of them fails the batch (a statement the database
    /// refuses, not a lock conflict or a lost connection), <see cref="BatchIsolation"/> tries the halves apart, so that
    /// order fails alone and the others commit. A transient fault that outlasts the retries fails the orders still open.
    /// </summary>
    private async Task SettleAsync(List<PendingOrder> orders)
    {
        try
        {
            await BatchIsolation.RunAsync(orders, SettleTogetherAsync, (order, exception) =>
            {
                logger.LogWarning(exception, "Order {OrderId} refused by the database; the rest of its batch is settled without it", order.OrderId);
                order.Completion.TrySetException(exception);
                return Task.CompletedTask;
            });
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Reservation batch of {Count} orders failed", orders.Count);
            foreach (var order in orders)
            {
                order.Completion.TrySetException(exception);
            }
        }
    }

    private async Task SettleTogetherAsync(IReadOnlyList<PendingOrder> orders)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var outcomes = await ReserveAndStoreAsync([.. orders]);
                foreach (var order in orders)
                {
                    order.Completion.TrySetResult(outcomes[order]);
                }

                return;
            }
            catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure
                                                      && attempt < MaxAttempts)
            {
                // Two instances locked the same products in different orders: the whole batch is retried.
                logger.LogInformation("Reservation batch of {Count} retried after {SqlState}", orders.Count, exception.SqlState);
            }
        }
    }

    /// <summary>Within one batch, a later order with the same customer and key waits for the first one's answer.</summary>
    private static (List<PendingOrder> Leaders, List<(PendingOrder Follower, PendingOrder Leader)> Followers) SameKeyFollowers(List<PendingOrder> batch)
    {
        var leaders = new List<PendingOrder>(batch.Count);
        var followers = new List<(PendingOrder, PendingOrder)>();
        var byKey = new Dictionary<(Guid, string), PendingOrder>();
        foreach (var order in batch)
        {
            if (order.IdempotencyKey is { } key && byKey.TryGetValue((order.CustomerId, key), out var leader))
            {
                followers.Add((order, leader));
                continue;
            }

            if (order.IdempotencyKey is { } firstKey)
            {
                byKey[(order.CustomerId, firstKey)] = order;
            }

            leaders.Add(order);
        }

        return (leaders, followers);
    }

    private static async Task AnswerLikeLeaderAsync(PendingOrder follower, PendingOrder leader)
    {
        try
        {
            var outcome = await leader.Completion.Task;
            follower.Completion.TrySetResult(follower.RequestHash == leader.RequestHash ? outcome : new PlacementOutcome.KeyReused());
        }
        catch (Exception exception)
        {
            follower.Completion.TrySetException(exception);
        }
    }

    private async Task<Dictionary<PendingOrder, PlacementOutcome>> ReserveAndStoreAsync(List<PendingOrder> orders)
    {
        var outcomes = new Dictionary<PendingOrder, PlacementOutcome>(orders.Count);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        List<PendingOrder> repeated;
        List<PendingOrder> accepted;
        await using (var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted))
        {
            repeated = await ReservationSql.ClaimKeysAsync(connection, transaction, orders);
            var fresh = orders.Except(repeated).ToList();
            var shortByOrder = await ReserveAsync(connection, transaction, fresh);
            accepted = fresh.Where(order => !shortByOrder.ContainsKey(order)).ToList();
            await ReservationSql.StoreAsync(connection, transaction, accepted, shortByOrder.Keys.Where(order => order.IdempotencyKey is not null).ToList(), checkout.Value.PaymentTimeout, checkoutEndpoint.Address);
            await transaction.CommitAsync();
            foreach (var (order, shortProducts) in shortByOrder)
            {
                outcomes[order] = new PlacementOutcome.OutOfStock(shortProducts);
            }
        }

        if (accepted.Count > 0)
        {
            metrics.Placed(accepted.Count);
            outboxSignals.Wake(OrderingModule.ModuleName);
        }

        foreach (var order in accepted)
        {
            outcomes[order] = new PlacementOutcome.Answered(201, order.ResponseBody);
        }

        if (repeated.Count > 0)
        {
            var stored = await ReservationSql.StoredAnswersAsync(connection, repeated);
            foreach (var order in repeated)
            {
                outcomes[order] = stored.TryGetValue((order.CustomerId, order.IdempotencyKey!), out var answer)
                    ? answer.RequestHash == order.RequestHash ? new PlacementOutcome.Answered(answer.StatusCode, answer.Body) : new PlacementOutcome.KeyReused()
                    : throw new InvalidOperationException($"Idempotency key of order {order.OrderId} was claimed but no answer is stored.");
            }
        }

        return outcomes;
    }

    /// <summary>Reserves stock for the orders; returns the refused orders with their short products.</summary>
    private async Task<Dictionary<PendingOrder, IReadOnlyList<Guid>>> ReserveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<PendingOrder> orders)
    {
        var refused = new Dictionary<PendingOrder, IReadOnlyList<Guid>>();
        if (orders.Count == 0)
        {
            return refused;
        }

        var demand = orders.SelectMany(order => order.Lines)
            .GroupBy(line => line.ProductId)
            .Select(group => (ProductId: group.Key, Quantity: group.Sum(line => line.Quantity)))
            .OrderBy(product => product.ProductId)
            .ToList();
        var remaining = await ReservationSql.ReserveSummedAsync(connection, transaction, demand);
        if (remaining.Count < demand.Count)
        {
            var refusedByIndex = await ReservationSql.ReserveEachAsync(connection, transaction, orders);
            foreach (var (index, shortProducts) in refusedByIndex)
            {
                refused[orders[index]] = shortProducts;
            }

            remaining = await ReservationSql.StockOfAsync(connection, transaction, demand.Select(product => product.ProductId).ToArray());
        }

        foreach (var (productId, stock) in remaining)
        {
            if (stock == 0)
            {
                soldOut.Mark(productId);
            }
        }

        return refused;
    }
}
