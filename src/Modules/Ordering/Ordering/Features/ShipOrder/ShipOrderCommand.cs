using Modular.BuildingBlocks.Application.Messaging;

namespace Modular.Ordering.Features.ShipOrder;

internal sealed record ShipOrderCommand(Guid OrderId) : ICommand<OrderStatusResponse>;
