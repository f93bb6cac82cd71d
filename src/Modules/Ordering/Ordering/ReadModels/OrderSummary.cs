namespace Modular.Ordering.ReadModels;

/// <summary>An order in a list.</summary>
internal sealed record OrderSummary(
    Guid Id, Guid CustomerId, Guid MerchantId, string Status, long Total, IReadOnlyList<OrderLineView> Lines, DateTime PlacedAt, DateTime UpdatedAt)
{
    public static OrderSummary From(OrderDocument order) => new(
        order.Id, order.CustomerId, order.MerchantId, order.Status, order.Total, order.Lines, order.PlacedAt!.Value.UtcDateTime,
        order.Timeline.Max(entry => entry.At).UtcDateTime);
}
