namespace Modular.Ordering.Contracts;

/// <summary>An order's stock is reserved and it waits for payment; starts the checkout.</summary>
public sealed record OrderPlaced(
    Guid OrderId, Guid CustomerId, Guid MerchantId, long Total, string CardToken, IReadOnlyList<OrderPlacedLine> Lines, DateTimeOffset PlacedAt);

public sealed record OrderPlacedLine(Guid ProductId, int Quantity, long UnitPrice);
