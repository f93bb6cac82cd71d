using Modular.BuildingBlocks.Application.Messaging;
using Modular.Ordering.ReadModels;

namespace Modular.Ordering.Features.GetOrder;

internal sealed record GetOrderQuery(Guid OrderId) : IQuery<OrderDetail>;

internal sealed record OrderDetail(
    Guid Id, Guid CustomerId, Guid MerchantId, string Status, long Total, IReadOnlyList<OrderLineView> Lines, DateTime PlacedAt,
    IReadOnlyList<OrderTimelineEntry> Timeline);

internal sealed record OrderTimelineEntry(string Status, DateTime At, string? Reason);
