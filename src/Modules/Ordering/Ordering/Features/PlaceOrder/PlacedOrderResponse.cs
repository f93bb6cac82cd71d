namespace Modular.Ordering.Features.PlaceOrder;

internal sealed record PlacedOrderResponse(Guid Id, string Status, Guid MerchantId, long Total, IReadOnlyList<PlacedOrderLine> Lines, DateTime PlacedAt);

internal sealed record PlacedOrderLine(Guid ProductId, int Quantity, long UnitPrice);
