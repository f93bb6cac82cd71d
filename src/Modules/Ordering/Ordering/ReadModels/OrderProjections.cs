using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Modular.Ordering.Contracts;
using Modular.Ordering.Infrastructure;

namespace Modular.Ordering.ReadModels;

/// <summary>Projects OrderPlaced events, a batch at a time, into the read model: the order rows and the first state of their timelines.</summary>
internal sealed class OrderPlacedProjection(OrderingDbContext db) : IConsumer<Batch<OrderPlaced>>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task Consume(ConsumeContext<Batch<OrderPlaced>> context)
    {
        var orders = context.Message.Select(placed => placed.Message).ToList();
        await db.Database.ExecuteSqlRawAsync(OrderProjectionSql.InsertOrders,
            [orders.Select(order => order.OrderId).ToArray(), orders.Select(order => order.CustomerId).ToArray(),
             orders.Select(order => order.MerchantId).ToArray(), orders.Select(order => order.OrganizationId).ToArray(),
             orders.Select(order => order.Total).ToArray(), orders.Select(order => JsonSerializer.Serialize(order.Lines, Json)).ToArray(),
             orders.Select(order => order.PlacedAt.UtcDateTime).ToArray()],
            context.CancellationToken);
        await OrderTimeline.RecordAsync(db, orders.Select(order => new TimelineEntry(order.OrderId, "PendingPayment", order.PlacedAt, Reason: null)), context.CancellationToken);
    }
}

internal sealed class OrderPaidProjection(OrderingDbContext db) : IConsumer<Batch<OrderPaid>>
{
    public Task Consume(ConsumeContext<Batch<OrderPaid>> context) =>
        OrderTimeline.RecordAsync(db, context.Message.Select(paid => new TimelineEntry(paid.Message.OrderId, "Paid", paid.Message.PaidAt, Reason: null)), context.CancellationToken);
}

internal sealed class OrderCancelledProjection(OrderingDbContext db) : IConsumer<Batch<OrderCancelled>>
{
    public Task Consume(ConsumeContext<Batch<OrderCancelled>> context) =>
        OrderTimeline.RecordAsync(db, context.Message.Select(cancelled => new TimelineEntry(cancelled.Message.OrderId, "Cancelled", cancelled.Message.CancelledAt, cancelled.Message.Reason)), context.CancellationToken);
}

internal sealed class OrderShippedProjection(OrderingDbContext db) : IConsumer<Batch<OrderShipped>>
{
    public Task Consume(ConsumeContext<Batch<OrderShipped>> context) =>
        OrderTimeline.RecordAsync(db, context.Message.Select(shipped => new TimelineEntry(shipped.Message.OrderId, "Shipped", shipped.Message.ShippedAt, Reason: null)), context.CancellationToken);
}

internal sealed record TimelineEntry(Guid OrderId, string Status, DateTimeOffset At, string? Reason);

internal static class OrderTimeline
{
    public static Task RecordAsync(OrderingDbContext db, IEnumerable<TimelineEntry> states, CancellationToken cancellationToken)
    {
        var entries = states.ToList();
        return db.Database.ExecuteSqlRawAsync(OrderProjectionSql.RecordStatesAndRefresh,
            [entries.Select(entry => entry.OrderId).ToArray(), entries.Select(entry => entry.Status).ToArray(),
             entries.Select(entry => entry.At.UtcDateTime).ToArray(), entries.Select(entry => entry.Reason).ToArray()],
            cancellationToken);
    }
}
