using Marten;
using MediatR;
using Modular.BuildingBlocks.Application.Paging;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Infrastructure.ReadModels;
using Modular.Ordering.Infrastructure;
using Modular.Ordering.ReadModels;

namespace Modular.Ordering.Features.SearchOrders;

internal sealed class SearchOrdersQueryHandler(ReadStore<OrderingDbContext> store, ICurrentUser user) : IRequestHandler<SearchOrdersQuery, KeysetPage<OrderSummary>>
{
    public async Task<KeysetPage<OrderSummary>> Handle(SearchOrdersQuery query, CancellationToken cancellationToken)
    {
        // A merchant admin sees its organization (orders_by_organization); operators see all (orders_by_placed_at for
        // date ranges); a product filter uses orders_by_product.
        await using var session = store.QuerySession();
        var orders = session.Query<OrderDocument>().Where(order => order.PlacedAt != null);
        if (user.VisibleOrganization() is { } organizationId)
        {
            orders = orders.Where(order => order.OrganizationId == organizationId);
        }

        if (query.Status is { } status)
        {
            orders = orders.Where(order => order.Status == status);
        }

        if (query.From is { } from)
        {
            var since = new DateTimeOffset(from.ToUniversalTime());
            orders = orders.Where(order => order.PlacedAt >= since);
        }

        if (query.To is { } to)
        {
            var until = new DateTimeOffset(to.ToUniversalTime());
            orders = orders.Where(order => order.PlacedAt < until);
        }

        if (query.ProductId is { } productId)
        {
            orders = orders.Where(order => order.ProductIds.Contains(productId));
        }

        return await orders.ToNewestFirstPageAsync(query.Before, query.Limit, OrderSummary.From, cancellationToken);
    }
}
