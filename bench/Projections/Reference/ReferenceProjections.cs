using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Modular.Ordering.Contracts;

namespace Modular.Bench.Projections.Reference;

/// <summary>
/// The order projection before Marten: one set-based statement per batch. Events may arrive in any order, so the
/// timeline is the record and the row's status is the furthest state in it.
/// </summary>
public sealed class ReferenceOrderPlacedProjection(ReferenceDbContext db) : IConsumer<Batch<OrderPlaced>>
{
    private const string InsertOrders = """
        INSERT INTO benchref.orders (id, customer_id, merchant_id, organization_id, status, total, product_ids, lines, placed_at, updated_at)
        SELECT o.id, o.customer_id, o.merchant_id, o.organization_id, 'PendingPayment', o.total,
               ARRAY(SELECT (line->>'productId')::uuid FROM jsonb_array_elements(o.lines::jsonb) AS line), o.lines::jsonb, o.placed_at, o.placed_at
        FROM unnest({0}::uuid[], {1}::uuid[], {2}::uuid[], {3}::uuid[], {4}::bigint[], {5}::text[], {6}::timestamptz[])
            AS o(id, customer_id, merchant_id, organization_id, total, lines, placed_at)
        ON CONFLICT (id) DO NOTHING
        """;

    public async Task Consume(ConsumeContext<Batch<OrderPlaced>> context)
    {
        var orders = context.Message.Select(placed => placed.Message).ToList();
        await db.Database.ExecuteSqlRawAsync(InsertOrders,
            [orders.Select(order => order.OrderId).ToArray(), orders.Select(order => order.CustomerId).ToArray(),
             orders.Select(order => order.MerchantId).ToArray(), orders.Select(order => order.OrganizationId).ToArray(),
             orders.Select(order => order.Total).ToArray(), orders.Select(order => JsonSerializer.Serialize(order.Lines, JsonSerializerOptions.Web)).ToArray(),
             orders.Select(order => order.PlacedAt.UtcDateTime).ToArray()],
            context.CancellationToken);
        await ReferenceTimeline.RecordAsync(db, orders.Select(order => (order.OrderId, "PendingPayment", order.PlacedAt, (string?)null)), context.CancellationToken);
    }
}

public sealed class ReferenceOrderPaidProjection(ReferenceDbContext db) : IConsumer<Batch<OrderPaid>>
{
    public Task Consume(ConsumeContext<Batch<OrderPaid>> context) =>
        ReferenceTimeline.RecordAsync(db, context.Message.Select(paid => (paid.Message.OrderId, "Paid", paid.Message.PaidAt, (string?)null)), context.CancellationToken);
}

public sealed class ReferenceOrderCancelledProjection(ReferenceDbContext db) : IConsumer<Batch<OrderCancelled>>
{
    public Task Consume(ConsumeContext<Batch<OrderCancelled>> context) =>
        ReferenceTimeline.RecordAsync(db,
            context.Message.Select(cancelled => (cancelled.Message.OrderId, "Cancelled", cancelled.Message.CancelledAt, (string?)cancelled.Message.Reason)),
            context.CancellationToken);
}

internal static class ReferenceTimeline
{
    private const string RecordStatesAndRefresh = """
        INSERT INTO benchref.order_timeline (order_id, status, at, reason)
        SELECT * FROM unnest({0}::uuid[], {1}::text[], {2}::timestamptz[], {3}::text[])
        ON CONFLICT (order_id, status) DO NOTHING;
        UPDATE benchref.orders o
        SET status = (SELECT t.status FROM benchref.order_timeline t WHERE t.order_id = o.id
                      ORDER BY CASE t.status WHEN 'PendingPayment' THEN 0 WHEN 'Paid' THEN 1 ELSE 2 END DESC LIMIT 1),
            updated_at = now()
        WHERE o.id = ANY({0})
        """;

    public static Task RecordAsync(ReferenceDbContext db, IEnumerable<(Guid OrderId, string Status, DateTimeOffset At, string? Reason)> states, CancellationToken cancellationToken)
    {
        var entries = states.ToList();
        return db.Database.ExecuteSqlRawAsync(RecordStatesAndRefresh,
            [entries.Select(entry => entry.OrderId).ToArray(), entries.Select(entry => entry.Status).ToArray(),
             entries.Select(entry => entry.At.UtcDateTime).ToArray(), entries.Select(entry => entry.Reason).ToArray()],
            cancellationToken);
    }
}
