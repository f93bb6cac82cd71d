using MassTransit;
using Modular.BuildingBlocks.Infrastructure.ReadModels;
using Modular.Ordering.Contracts;
using Modular.Ordering.Infrastructure;

namespace Modular.Ordering.ReadModels;

/// <summary>Projects order events, a batch at a time, into order documents (see <see cref="OrderDocument"/> for why any order of arrival converges).</summary>
internal sealed class OrderPlacedProjection(ReadStore<OrderingDbContext> store, OrderingDbContext db) : IConsumer<Batch<OrderPlaced>>
{
    public Task Consume(ConsumeContext<Batch<OrderPlaced>> context) =>
        store.ApplyAsync<OrderingDbContext, OrderDocument, OrderPlaced>(db, context.Message.Select(placed => placed.Message).ToList(),
            placed => placed.OrderId, (id, order, placed) => (order ?? OrderDocument.Empty(id)).Placed(placed), context.CancellationToken);
}

internal sealed class OrderPaidProjection(ReadStore<OrderingDbContext> store, OrderingDbContext db) : IConsumer<Batch<OrderPaid>>
{
    public Task Consume(ConsumeContext<Batch<OrderPaid>> context) =>
        store.ApplyAsync<OrderingDbContext, OrderDocument, OrderPaid>(db, context.Message.Select(paid => paid.Message).ToList(),
            paid => paid.OrderId, (id, order, paid) => (order ?? OrderDocument.Empty(id)).Reached(OrderStates.Paid, paid.PaidAt, reason: null),
            context.CancellationToken);
}

internal sealed class OrderCancelledProjection(ReadStore<OrderingDbContext> store, OrderingDbContext db) : IConsumer<Batch<OrderCancelled>>
{
    public Task Consume(ConsumeContext<Batch<OrderCancelled>> context) =>
        store.ApplyAsync<OrderingDbContext, OrderDocument, OrderCancelled>(db, context.Message.Select(cancelled => cancelled.Message).ToList(),
            cancelled => cancelled.OrderId,
            (id, order, cancelled) => (order ?? OrderDocument.Empty(id)).Reached(OrderStates.Cancelled, cancelled.CancelledAt, cancelled.Reason),
            context.CancellationToken);
}

internal sealed class OrderShippedProjection(ReadStore<OrderingDbContext> store, OrderingDbContext db) : IConsumer<Batch<OrderShipped>>
{
    public Task Consume(ConsumeContext<Batch<OrderShipped>> context) =>
        store.ApplyAsync<OrderingDbContext, OrderDocument, OrderShipped>(db, context.Message.Select(shipped => shipped.Message).ToList(),
            shipped => shipped.OrderId, (id, order, shipped) => (order ?? OrderDocument.Empty(id)).Reached(OrderStates.Shipped, shipped.ShippedAt, reason: null),
            context.CancellationToken);
}
