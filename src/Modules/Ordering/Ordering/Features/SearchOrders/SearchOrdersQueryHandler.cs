using MediatR;
using Modular.BuildingBlocks.Application.Paging;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Infrastructure.ReadModels;
using Modular.Ordering.ReadModels;
using Npgsql;
using NpgsqlTypes;

namespace Modular.Ordering.Features.SearchOrders;

internal sealed class SearchOrdersQueryHandler(OrderReadDatabase database, ICurrentUser user) : IRequestHandler<SearchOrdersQuery, KeysetPage<OrderSummary>>
{
    public async Task<KeysetPage<OrderSummary>> Handle(SearchOrdersQuery query, CancellationToken cancellationToken)
    {
        // A merchant admin sees its organization (orders_by_organization); operators see all (orders_by_placed_at);
        // a product filter uses orders_by_product.
        var sql = $"""
            SELECT {OrderSummary.Columns} FROM ordering_read.orders
             WHERE ($1::uuid IS NULL OR organization_id = $1)
               AND ($2::text IS NULL OR status = $2)
               AND ($3::timestamptz IS NULL OR placed_at >= $3)
               AND ($4::timestamptz IS NULL OR placed_at < $4)
               AND ($5::uuid IS NULL OR product_ids @> ARRAY[$5])
               AND ($6::uuid IS NULL OR id < $6)
             ORDER BY id DESC LIMIT $7
            """;
        await using var command = database.DataSource.CreateCommand(sql);
        command.Parameters.Add(Nullable(user.VisibleOrganization(), NpgsqlDbType.Uuid));
        command.Parameters.Add(Nullable(query.Status, NpgsqlDbType.Text));
        command.Parameters.Add(Nullable(query.From?.ToUniversalTime(), NpgsqlDbType.TimestampTz));
        command.Parameters.Add(Nullable(query.To?.ToUniversalTime(), NpgsqlDbType.TimestampTz));
        command.Parameters.Add(Nullable(query.ProductId, NpgsqlDbType.Uuid));
        command.Parameters.Add(Nullable(query.Before, NpgsqlDbType.Uuid));
        command.Parameters.Add(new NpgsqlParameter { Value = query.Limit });
        return await KeysetPages.ReadAsync(command, query.Limit, OrderSummary.Read, order => order.Id, cancellationToken);
    }

    private static NpgsqlParameter Nullable(object? value, NpgsqlDbType type) => new() { Value = value ?? DBNull.Value, NpgsqlDbType = type };
}
