using Modular.Acquisition.Contracts;
using Modular.BuildingBlocks.Infrastructure.Messaging.Outbox;
using Modular.Ordering.Contracts;
using Npgsql;

namespace Modular.Ordering.Features.PlaceOrder.Reservations;

/// <summary>The reservation batcher's statements: each is one round trip for the whole batch (arrays + unnest).</summary>
internal static class ReservationSql
{
    private const string Savepoint = "reserve_summed";

    /// <summary>Claims the batch's Idempotency-Keys; returns the orders whose key was already taken within 24 h.</summary>
    public static async Task<List<PendingOrder>> ClaimKeysAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<PendingOrder> orders)
    {
        var keyed = orders.Where(order => order.IdempotencyKey is not null).ToList();
        if (keyed.Count == 0)
        {
            return [];
        }

        // A conflicting claim of another transaction makes this wait for it; an expired row is taken over.
        const string sql = """
            INSERT INTO ordering.idempotency_keys AS k (customer_id, key, request_hash, status_code, response_body, created_at)
            SELECT customer_id, key, request_hash, 201, body, now() FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS r(customer_id, key, request_hash, body)
            ON CONFLICT (customer_id, key) DO UPDATE
               SET request_hash = excluded.request_hash, status_code = excluded.status_code, response_body = excluded.response_body, created_at = excluded.created_at
             WHERE k.created_at < now() - interval '24 hours'
            RETURNING customer_id, key
            """;
        await using var command = new NpgsqlCommand(sql, connection, transaction)
        {
            Parameters =
            {
                new NpgsqlParameter { Value = keyed.Select(order => order.CustomerId).ToArray() },
                new NpgsqlParameter { Value = keyed.Select(order => order.IdempotencyKey!).ToArray() },
                new NpgsqlParameter { Value = keyed.Select(order => order.RequestHash).ToArray() },
                new NpgsqlParameter { Value = keyed.Select(order => order.ResponseBody).ToArray() },
            },
        };
        var claimed = new HashSet<(Guid, string)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                claimed.Add((reader.GetGuid(0), reader.GetString(1)));
            }
        }

        return keyed.Where(order => !claimed.Contains((order.CustomerId, order.IdempotencyKey!))).ToList();
    }

    /// <summary>
    /// One conditional UPDATE per product for the batch's summed quantity, behind a savepoint. Returns the remaining stock
    /// of the products that had enough; fewer rows than products means the caller must fall back to per-order reservation.
    /// </summary>
    public static async Task<Dictionary<Guid, int>> ReserveSummedAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<(Guid ProductId, int Quantity)> demand)
    {
        const string sql = """
            UPDATE ordering.products AS p SET stock = p.stock - d.quantity
              FROM unnest($1::uuid[], $2::integer[]) AS d(id, quantity)
             WHERE p.id = d.id AND p.stock >= d.quantity AND p.status = 'Active'
            RETURNING p.id, p.stock
            """;
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand($"SAVEPOINT {Savepoint}"),
                new NpgsqlBatchCommand(sql)
                {
                    Parameters =
                    {
                        new NpgsqlParameter { Value = demand.Select(product => product.ProductId).ToArray() },
                        new NpgsqlParameter { Value = demand.Select(product => product.Quantity).ToArray() },
                    },
                },
            },
        };
        return await ReadStockAsync(batch);
    }

    /// <summary>Undoes the summed attempt, then reserves order by order; returns the refused orders' indexes and short products.</summary>
    public static async Task<List<(int Index, IReadOnlyList<Guid> ShortProducts)>> ReserveEachAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, List<PendingOrder> orders)
    {
        var lineOrders = new List<int>();
        var lineProducts = new List<Guid>();
        var lineQuantities = new List<int>();
        for (var index = 0; index < orders.Count; index++)
        {
            foreach (var line in orders[index].Lines)
            {
                lineOrders.Add(index);
                lineProducts.Add(line.ProductId);
                lineQuantities.Add(line.Quantity);
            }
        }

        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand($"ROLLBACK TO SAVEPOINT {Savepoint}"),
                new NpgsqlBatchCommand("SELECT order_index, short_products FROM ordering.reserve_each($1::integer[], $2::uuid[], $3::integer[])")
                {
                    Parameters =
                    {
                        new NpgsqlParameter { Value = lineOrders.ToArray() },
                        new NpgsqlParameter { Value = lineProducts.ToArray() },
                        new NpgsqlParameter { Value = lineQuantities.ToArray() },
                    },
                },
            },
        };
        var refused = new List<(int, IReadOnlyList<Guid>)>();
        await using var reader = await batch.ExecuteReaderAsync();
        do
        {
            while (await reader.ReadAsync())
            {
                refused.Add((reader.GetInt32(0), reader.GetFieldValue<Guid[]>(1)));
            }
        }
        while (await reader.NextResultAsync());

        return refused;
    }

    public static async Task<Dictionary<Guid, int>> StockOfAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid[] productIds)
    {
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("SELECT id, stock FROM ordering.products WHERE id = ANY($1)") { Parameters = { new NpgsqlParameter { Value = productIds } } },
            },
        };
        return await ReadStockAsync(batch);
    }

    /// <summary>
    /// Writes the accepted orders, their lines, their checkouts (already waiting for payment) and their outbox rows
    /// (OrderPlaced, AuthorizePayment), and frees the keys of refused orders: one round trip.
    /// </summary>
    public static async Task StoreAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, List<PendingOrder> accepted, List<PendingOrder> refusedWithKeys, TimeSpan paymentTimeout,
        Uri answerTo)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        if (refusedWithKeys.Count > 0)
        {
            // A refused order stores nothing: its key may be used again.
            batch.BatchCommands.Add(new NpgsqlBatchCommand(
                "DELETE FROM ordering.idempotency_keys WHERE (customer_id, key) IN (SELECT * FROM unnest($1::uuid[], $2::text[]))")
            {
                Parameters =
                {
                    new NpgsqlParameter { Value = refusedWithKeys.Select(order => order.CustomerId).ToArray() },
                    new NpgsqlParameter { Value = refusedWithKeys.Select(order => order.IdempotencyKey!).ToArray() },
                },
            });
        }

        if (accepted.Count > 0)
        {
            batch.BatchCommands.Add(InsertOrders(accepted));
            batch.BatchCommands.Add(InsertLines(accepted));
            batch.BatchCommands.Add(InsertCheckouts(accepted, paymentTimeout));
            batch.BatchCommands.Add(OutboxBatchCommand.Publish(
                OrderingModule.ModuleName,
                [
                    .. accepted.Select(order => ((object)OrderPlacedOf(order), order.TraceContext)),
                    .. accepted.Select(order => ((object)new AuthorizePayment(order.MerchantId, order.OrderId, order.Total, order.CardToken, answerTo), order.TraceContext)),
                ]));
        }

        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync();
        }
    }

    public static async Task<Dictionary<(Guid CustomerId, string Key), (string RequestHash, int StatusCode, string Body)>> StoredAnswersAsync(
        NpgsqlConnection connection, List<PendingOrder> orders)
    {
        const string sql = """
            SELECT customer_id, key, request_hash, status_code, response_body FROM ordering.idempotency_keys
             WHERE (customer_id, key) IN (SELECT * FROM unnest($1::uuid[], $2::text[]))
            """;
        await using var command = new NpgsqlCommand(sql, connection)
        {
            Parameters =
            {
                new NpgsqlParameter { Value = orders.Select(order => order.CustomerId).ToArray() },
                new NpgsqlParameter { Value = orders.Select(order => order.IdempotencyKey!).ToArray() },
            },
        };
        var answers = new Dictionary<(Guid, string), (string, int, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            answers[(reader.GetGuid(0), reader.GetString(1))] = (reader.GetString(2), reader.GetInt32(3), reader.GetString(4));
        }

        return answers;
    }

    private static NpgsqlBatchCommand InsertOrders(List<PendingOrder> orders) => new("""
        INSERT INTO ordering.orders (id, customer_id, merchant_id, organization_id, status, total, card_token, placed_at, updated_at)
        SELECT id, customer_id, merchant_id, organization_id, 'PendingPayment', total, card_token, placed_at, placed_at
          FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::bigint[], $5::text[], $6::timestamptz[], $7::uuid[])
               AS o(id, customer_id, merchant_id, total, card_token, placed_at, organization_id)
        """)
    {
        Parameters =
        {
            new NpgsqlParameter { Value = orders.Select(order => order.OrderId).ToArray() },
            new NpgsqlParameter { Value = orders.Select(order => order.CustomerId).ToArray() },
            new NpgsqlParameter { Value = orders.Select(order => order.MerchantId).ToArray() },
            new NpgsqlParameter { Value = orders.Select(order => order.Total).ToArray() },
            new NpgsqlParameter { Value = orders.Select(order => order.CardToken).ToArray() },
            new NpgsqlParameter { Value = orders.Select(order => order.PlacedAt).ToArray() },
            new NpgsqlParameter { Value = orders.Select(order => order.OrganizationId).ToArray() },
        },
    };

    private static NpgsqlBatchCommand InsertLines(List<PendingOrder> orders)
    {
        var lines = orders.SelectMany(order => order.Lines.Select((line, index) => (order.OrderId, LineNo: (short)(index + 1), line))).ToList();
        return new NpgsqlBatchCommand("""
            INSERT INTO ordering.order_lines (order_id, line_no, product_id, quantity, unit_price)
            SELECT * FROM unnest($1::uuid[], $2::smallint[], $3::uuid[], $4::integer[], $5::bigint[])
            """)
        {
            Parameters =
            {
                new NpgsqlParameter { Value = lines.Select(line => line.OrderId).ToArray() },
                new NpgsqlParameter { Value = lines.Select(line => line.LineNo).ToArray() },
                new NpgsqlParameter { Value = lines.Select(line => line.line.ProductId).ToArray() },
                new NpgsqlParameter { Value = lines.Select(line => line.line.Quantity).ToArray() },
                new NpgsqlParameter { Value = lines.Select(line => line.line.UnitPrice).ToArray() },
            },
        };
    }

    /// <summary>The checkout saga starts here, in the order's own transaction, instead of one more message hop per order.</summary>
    private static NpgsqlBatchCommand InsertCheckouts(List<PendingOrder> orders, TimeSpan paymentTimeout) => new("""
        INSERT INTO ordering.checkout_states (correlation_id, current_state, merchant_id, amount, payment_deadline)
        SELECT id, 'AwaitingPayment', merchant_id, amount, deadline FROM unnest($1::uuid[], $2::uuid[], $3::bigint[], $4::timestamptz[]) AS c(id, merchant_id, amount, deadline)
        """)
    {
        Parameters =
        {
            new NpgsqlParameter { Value = orders.Select(order => order.OrderId).ToArray() },
            new NpgsqlParameter { Value = orders.Select(order => order.MerchantId).ToArray() },
            new NpgsqlParameter { Value = orders.Select(order => order.Total).ToArray() },
            new NpgsqlParameter { Value = orders.Select(order => order.PlacedAt + paymentTimeout).ToArray() },
        },
    };

    private static OrderPlaced OrderPlacedOf(PendingOrder order) => new(
        order.OrderId, order.CustomerId, order.MerchantId, order.OrganizationId, order.Total,
        order.Lines.Select(line => new OrderPlacedLine(line.ProductId, line.Quantity, line.UnitPrice)).ToList(),
        new DateTimeOffset(order.PlacedAt, TimeSpan.Zero));

    private static async Task<Dictionary<Guid, int>> ReadStockAsync(NpgsqlBatch batch)
    {
        var stock = new Dictionary<Guid, int>();
        await using var reader = await batch.ExecuteReaderAsync();
        do
        {
            while (await reader.ReadAsync())
            {
                stock[reader.GetGuid(0)] = reader.GetInt32(1);
            }
        }
        while (await reader.NextResultAsync());

        return stock;
    }
}
