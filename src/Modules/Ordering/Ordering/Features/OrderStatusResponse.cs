using Modular.BuildingBlocks.Domain.Errors;

namespace Modular.Ordering.Features;

internal sealed record OrderStatusResponse(Guid Id, string Status)
{
    /// <summary>Also the answer for someone else's order, so its existence does not leak.</summary>
    public static DomainException NotFound(Guid orderId) => new(Error.NotFound("ordering.order_not_found", $"Order {orderId} was not found."));
}
