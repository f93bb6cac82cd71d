using Modular.BuildingBlocks.Application.Messaging;

namespace Modular.Ordering.Features.CancelOrder;

/// <summary>The shopper cancels an order before it ships; the stock returns at once and the checkout voids the payment.</summary>
internal sealed record CancelOrderCommand(Guid OrderId, Guid CustomerId) : ICommand<OrderStatusResponse>;
