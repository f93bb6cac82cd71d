using MediatR;
using Modular.BuildingBlocks.Application.Security;
using Modular.Ordering.ReadModels;
using Npgsql;

namespace Modular.Ordering.Features.GetOrder;

internal sealed class GetOrderQueryHandler(OrderReadDatabase database, ICurrentUser user) : IRequestHandler<GetOrderQuery, OrderDetail>
{
    public async Task<OrderDetail> Handle(GetOrderQuery query, CancellationToken cancellationToken)
    {
        await using var batch = database.DataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT {OrderSummary.Columns}, organization_id FROM ordering_read.orders WHERE id = $1")
        {
            Parameters = { new NpgsqlParameter { Value = query.OrderId } },
        });
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT status, at, reason FROM ordering_read.order_timeline WHERE order_id = $1 ORDER BY at, status")
        {
            Parameters = { new NpgsqlParameter { Value = query.OrderId } },
        });
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw OrderStatusResponse.NotFound(query.OrderId);
        }

        var order = OrderSummary.Read(reader);
        var organizationId = reader.GetGuid(8);
        var isStaff = user.IsOperator() || user.IsInRole(Roles.MerchantAdmin) || user.IsInRole(Roles.MerchantUser);
        var mayRead = order.CustomerId == user.UserId || (isStaff && user.CanSee(organizationId));
        if (!mayRead)
        {
            throw OrderStatusResponse.NotFound(query.OrderId);
        }

        await reader.NextResultAsync(cancellationToken);
        var timeline = new List<OrderTimelineEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            timeline.Add(new OrderTimelineEntry(reader.GetString(0), reader.GetDateTime(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }

        return new OrderDetail(order.Id, order.CustomerId, order.MerchantId, order.Status, order.Total, order.Lines, order.PlacedAt, timeline);
    }
}
