using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Modular.Ordering.Contracts;
using Modular.Ordering.Infrastructure;

namespace Modular.Ordering.ReadModels;

/// <summary>Projects OrderPlaced into the read model: the order row and the first state of its timeline.</summary>
internal sealed class OrderPlacedProjection(OrderingDbContext db) : IConsumer<OrderPlaced>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task Consume(ConsumeContext<OrderPlaced> context)
    {
        var order = context.Message;
        var placedAt = order.PlacedAt.UtcDateTime;
        await db.Database.ExecuteSqlRawAsync(OrderProjectionSql.InsertOrder,
            [order.OrderId, order.CustomerId, order.MerchantId, order.OrganizationId, order.Total,
             order.Lines.Select(line => line.ProductId).ToArray(), JsonSerializer.Serialize(order.Lines, Json), placedAt],
            context.CancellationToken);
        await OrderTimeline.RecordAsync(db, order.OrderId, "PendingPayment", placedAt, reason: null, context.CancellationToken);
    }
}

internal sealed class OrderPaidProjection(OrderingDbContext db) : IConsumer<OrderPaid>
{
    public Task Consume(ConsumeContext<OrderPaid> context) =>
        OrderTimeline.RecordAsync(db, context.Message.OrderId, "Paid", context.Message.PaidAt.UtcDateTime, reason: null, context.CancellationToken);
}

internal sealed class OrderCancelledProjection(OrderingDbContext db) : IConsumer<OrderCancelled>
{
    public Task Consume(ConsumeContext<OrderCancelled> context) =>
        OrderTimeline.RecordAsync(db, context.Message.OrderId, "Cancelled", context.Message.CancelledAt.UtcDateTime, context.Message.Reason, context.CancellationToken);
}

internal sealed class OrderShippedProjection(OrderingDbContext db) : IConsumer<OrderShipped>
{
    public Task Consume(ConsumeContext<OrderShipped> context) =>
        OrderTimeline.RecordAsync(db, context.Message.OrderId, "Shipped", context.Message.ShippedAt.UtcDateTime, reason: null, context.CancellationToken);
}

internal static class OrderTimeline
{
    public static Task RecordAsync(OrderingDbContext db, Guid orderId, string status, DateTime at, string? reason, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(OrderProjectionSql.RecordStateAndRefresh,
            [orderId, status, at, new Npgsql.NpgsqlParameter("reason", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)reason ?? DBNull.Value }], cancellationToken);
}
