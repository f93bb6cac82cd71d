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
    /// <summary>Messages of the current work: each row carries the current span's trace context.</summary>
    public static NpgsqlBatchCommand Publish(string schema, IReadOnlyCollection<object> messages) =>
        Publish(schema, messages.Select(message => (message, OutboxTraceContext.Capture())));

    /// <summary>
    /// Messages of many requests gathered into one write (a batcher): each carries the trace context its request
    /// captured with <see cref="OutboxTraceContext.Capture"/>, not the batcher's.
    /// </summary>
    public static NpgsqlBatchCommand Publish(string schema, IEnumerable<(object Message, string? TraceContext)> messages) =>
        Publish(schema, messages.Select(pair => OutboxMessageFactory.ForPublish(pair.Message, correlationId: null, pair.TraceContext)).ToList());

    private static NpgsqlBatchCommand Publish(string schema, List<OutboxMessage> rows)
    {
        var sql = $"""
            INSERT INTO {schema}.outbox_messages (message_id, message_type, body, created_at, next_attempt_at, trace_context)
            SELECT id, type, body, created, created, trace FROM unnest($1, $2, $3, $4, $5) AS m(id, type, body, created, trace)
            """;
        return new NpgsqlBatchCommand(sql)
        {
            Parameters =
            {
                new NpgsqlParameter { Value = rows.Select(row => row.MessageId).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid },
                new NpgsqlParameter { Value = rows.Select(row => row.MessageType).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
                new NpgsqlParameter { Value = rows.Select(row => row.Body).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
                new NpgsqlParameter { Value = rows.Select(row => row.CreatedAt).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz },
                new NpgsqlParameter { Value = rows.Select(row => row.TraceContext).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
            },
        };
    }
}
