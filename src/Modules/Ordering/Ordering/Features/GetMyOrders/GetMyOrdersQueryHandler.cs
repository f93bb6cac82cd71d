using Marten;
using MediatR;
using Modular.BuildingBlocks.Application.Paging;
using Modular.BuildingBlocks.Infrastructure.ReadModels;
using Modular.Ordering.Infrastructure;
using Modular.Ordering.ReadModels;

namespace Modular.Ordering.Features.GetMyOrders;

internal sealed class GetMyOrdersQueryHandler(ReadStore<OrderingDbContext> store) : IRequestHandler<GetMyOrdersQuery, KeysetPage<OrderSummary>>
{
    public async Task<KeysetPage<OrderSummary>> Handle(GetMyOrdersQuery query, CancellationToken cancellationToken)
    {
        // Served by orders_by_customer (customer, id).
        await using var session = store.QuerySession();
        var orders = session.Query<OrderDocument>().Where(order => order.CustomerId == query.CustomerId && order.PlacedAt != null);
        if (query.Status is { } status)
        {
            orders = orders.Where(order => order.Status == status);
        }

        return await orders.ToNewestFirstPageAsync(query.Before, query.Limit, OrderSummary.From, cancellationToken);
    }
}
