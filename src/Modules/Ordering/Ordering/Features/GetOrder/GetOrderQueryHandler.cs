using Marten;
using MediatR;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Infrastructure.ReadModels;
using Modular.Ordering.Infrastructure;
using Modular.Ordering.ReadModels;

namespace Modular.Ordering.Features.GetOrder;

internal sealed class GetOrderQueryHandler(ReadStore<OrderingDbContext> store, ICurrentUser user) : IRequestHandler<GetOrderQuery, OrderDetail>
{
    public async Task<OrderDetail> Handle(GetOrderQuery query, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var order = await session.LoadAsync<OrderDocument>(query.OrderId, cancellationToken);
        if (order?.PlacedAt is not { } placedAt)
        {
            throw OrderStatusResponse.NotFound(query.OrderId);
        }

        var isStaff = user.IsStaff();
        var mayRead = order.CustomerId == user.UserId || (isStaff && user.CanSee(order.OrganizationId));
        if (!mayRead)
        {
            throw OrderStatusResponse.NotFound(query.OrderId);
        }

        var timeline = order.Timeline.Select(entry => new OrderTimelineEntry(entry.Status, entry.At.UtcDateTime, entry.Reason)).ToList();
        return new OrderDetail(order.Id, order.CustomerId, order.MerchantId, order.Status, order.Total, order.Lines, placedAt.UtcDateTime, timeline);
    }
}
