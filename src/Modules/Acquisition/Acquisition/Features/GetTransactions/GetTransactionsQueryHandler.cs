using MediatR;
using Modular.Acquisition.ReadModels;
using Modular.BuildingBlocks.Application.Paging;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Infrastructure.ReadModels;
using Npgsql;
using NpgsqlTypes;

namespace Modular.Acquisition.Features.GetTransactions;

internal sealed class GetTransactionsQueryHandler(TransactionReadDatabase database, ICurrentUser user) : IRequestHandler<GetTransactionsQuery, KeysetPage<TransactionSummary>>
{
    public async Task<KeysetPage<TransactionSummary>> Handle(GetTransactionsQuery query, CancellationToken cancellationToken)
    {
        // Newest request first, keyset on (requested_at, id) after the cursor row. A merchant admin's list is served by
        // payment_transactions_by_organization, a merchant filter by payment_transactions_by_merchant, operators'
        // date ranges by payment_transactions_by_requested_at.
        var sql = $"""
            SELECT {TransactionSummary.Columns} FROM acquisition_read.payment_transactions
             WHERE ($1::uuid IS NULL OR organization_id = $1)
               AND ($2::uuid IS NULL OR merchant_id = $2)
               AND ($3::text IS NULL OR status = $3)
               AND ($4::timestamptz IS NULL OR requested_at >= $4)
               AND ($5::timestamptz IS NULL OR requested_at < $5)
               AND ($6::uuid IS NULL OR (requested_at, id) <
                    (SELECT c.requested_at, c.id FROM acquisition_read.payment_transactions c WHERE c.id = $6))
             ORDER BY requested_at DESC, id DESC LIMIT $7
            """;
        await using var command = database.DataSource.CreateCommand(sql);
        command.Parameters.Add(Nullable(user.VisibleOrganization(), NpgsqlDbType.Uuid));
        command.Parameters.Add(Nullable(query.MerchantId, NpgsqlDbType.Uuid));
        command.Parameters.Add(Nullable(query.Status, NpgsqlDbType.Text));
        command.Parameters.Add(Nullable(query.From?.ToUniversalTime(), NpgsqlDbType.TimestampTz));
        command.Parameters.Add(Nullable(query.To?.ToUniversalTime(), NpgsqlDbType.TimestampTz));
        command.Parameters.Add(Nullable(query.Before, NpgsqlDbType.Uuid));
        command.Parameters.Add(new NpgsqlParameter { Value = query.Limit });
        return await KeysetPages.ReadAsync(command, query.Limit, TransactionSummary.Read, transaction => transaction.Id, cancellationToken);
    }

    private static NpgsqlParameter Nullable(object? value, NpgsqlDbType type) => new() { Value = value ?? DBNull.Value, NpgsqlDbType = type };
}
