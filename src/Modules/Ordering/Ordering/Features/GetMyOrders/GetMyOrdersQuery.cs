using Modular.BuildingBlocks.Application.Messaging;
using Modular.BuildingBlocks.Application.Paging;
using Modular.Ordering.ReadModels;

namespace Modular.Ordering.Features.GetMyOrders;

internal sealed record GetMyOrdersQuery(Guid CustomerId, string? Status, Guid? Before, int Limit) : IQuery<KeysetPage<OrderSummary>>;
