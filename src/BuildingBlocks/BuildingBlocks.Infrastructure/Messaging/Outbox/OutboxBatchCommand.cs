using Npgsql;
using NpgsqlTypes;

namespace Modular.BuildingBlocks.Infrastructure.Messaging.Outbox;

/// <summary>
/// For raw-SQL hot paths that write many rows per round trip: one multi-row insert of published messages into a
/// module's outbox, to run in the same transaction as the change. Commit, then wake the dispatcher with
/// <see cref="OutboxSignals.Wake"/>.
/// </summary>
public static class OutboxBatchCommand
{
    public static NpgsqlBatchCommand Publish(string schema, IReadOnlyCollection<object> messages)
    {
        var rows = messages.Select(message => OutboxMessageFactory.ForPublish(message, correlationId: null)).ToList();
        var sql = $"""
            INSERT INTO {schema}.outbox_messages (message_id, message_type, body, created_at, next_attempt_at)
            SELECT id, type, body, created, created FROM unnest($1, $2, $3, $4) AS m(id, type, body, created)
            """;
        return new NpgsqlBatchCommand(sql)
        {
            Parameters =
            {
                new NpgsqlParameter { Value = rows.Select(row => row.MessageId).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid },
                new NpgsqlParameter { Value = rows.Select(row => row.MessageType).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
                new NpgsqlParameter { Value = rows.Select(row => row.Body).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
                new NpgsqlParameter { Value = rows.Select(row => row.CreatedAt).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz },
            },
        };
    }
}
