using Modular.BuildingBlocks.Application.Messaging;
using Modular.BuildingBlocks.Application.Paging;
using Modular.Ordering.ReadModels;

namespace Modular.Ordering.Features.SearchOrders;

internal sealed record SearchOrdersQuery(string? Status, DateTime? From, DateTime? To, Guid? ProductId, Guid? Before, int Limit) : IQuery<KeysetPage<OrderSummary>>;
