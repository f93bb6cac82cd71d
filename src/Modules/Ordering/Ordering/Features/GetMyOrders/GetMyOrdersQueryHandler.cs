using MediatR;
using Modular.BuildingBlocks.Application.Paging;
using Modular.BuildingBlocks.Infrastructure.ReadModels;
using Modular.Ordering.ReadModels;
using Npgsql;

namespace Modular.Ordering.Features.GetMyOrders;

internal sealed class GetMyOrdersQueryHandler(OrderReadDatabase database) : IRequestHandler<GetMyOrdersQuery, KeysetPage<OrderSummary>>
{
    public async Task<KeysetPage<OrderSummary>> Handle(GetMyOrdersQuery query, CancellationToken cancellationToken)
    {
        // Served by orders_by_customer.
        var sql = $"""
            SELECT {OrderSummary.Columns} FROM ordering_read.orders
             WHERE customer_id = $1 AND ($2::text IS NULL OR status = $2) AND ($3::uuid IS NULL OR id < $3)
             ORDER BY id DESC LIMIT $4
            """;
        await using var command = database.DataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = query.CustomerId });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.Status ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.Before ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = query.Limit });
        return await KeysetPages.ReadAsync(command, query.Limit, OrderSummary.Read, order => order.Id, cancellationToken);
    }
}
