using Modular.Acquisition.Domain;
using Modular.Acquisition.Infrastructure;
using Modular.BuildingBlocks.Infrastructure.Persistence;
using Npgsql;

namespace Modular.Acquisition.Features.Acquire;

/// <summary>
/// Reads what is left to acquire, in queue order after a position (keyset on the partial indexes of Sql/0007): approved
/// payments with no acquisition and no error row, and canceled payments whose payment was acquired and whose cancellation
/// was not. Items with an error row come back through <see cref="ByIdsAsync"/> when their retry is due.
/// </summary>
internal sealed class AcquiringQueue(ModuleDataSource<AcquisitionDbContext> database)
{
    private const string PaymentColumns =
        """
        p.id, p.merchant_id, p.organization_id, p.reference, p.approval_number, p.card_bin, p.amount, p.approved_at,
        p.canceled_at, m.id IS NOT NULL, m.fee_rate, m.vat_rule
        """;

    private const string Payments =
        $"""
        SELECT {PaymentColumns}, NULL::bigint, NULL::bigint
        FROM acquisition.payment_transactions p
        LEFT JOIN acquisition.merchants m ON m.id = p.merchant_id
        WHERE p.status = 'Approved' AND (p.approved_at, p.id) > ($1, $2)
          AND NOT EXISTS (SELECT 1 FROM acquisition.acquisitions a WHERE a.payment_id = p.id AND a.kind = 'Payment')
          AND NOT EXISTS (SELECT 1 FROM acquisition.acquiring_errors e WHERE e.transaction_id = p.id AND e.kind = 'Payment')
        ORDER BY p.approved_at, p.id
        LIMIT $3
        """;

    private const string Cancellations =
        $"""
        SELECT {PaymentColumns}, a.fee, a.vat
        FROM acquisition.payment_transactions p
        JOIN acquisition.acquisitions a ON a.payment_id = p.id AND a.kind = 'Payment'
        LEFT JOIN acquisition.merchants m ON m.id = p.merchant_id
        WHERE p.status = 'Canceled' AND (p.canceled_at, p.id) > ($1, $2)
          AND NOT EXISTS (SELECT 1 FROM acquisition.acquisitions c WHERE c.payment_id = p.id AND c.kind = 'Cancellation')
          AND NOT EXISTS (SELECT 1 FROM acquisition.acquiring_errors e WHERE e.transaction_id = p.id AND e.kind = 'Cancellation')
        ORDER BY p.canceled_at, p.id
        LIMIT $3
        """;

    // A retried item is read as it is now: still approved and not acquired (a payment), canceled with its payment acquired
    // (a cancellation). One that no longer qualifies is left out; the caller closes its error.
    private const string PaymentsByIds =
        $"""
        SELECT {PaymentColumns}, NULL::bigint, NULL::bigint
        FROM acquisition.payment_transactions p
        LEFT JOIN acquisition.merchants m ON m.id = p.merchant_id
        WHERE p.id = ANY($1) AND p.status = 'Approved'
          AND NOT EXISTS (SELECT 1 FROM acquisition.acquisitions a WHERE a.payment_id = p.id AND a.kind = 'Payment')
        """;

    private const string CancellationsByIds =
        $"""
        SELECT {PaymentColumns}, a.fee, a.vat
        FROM acquisition.payment_transactions p
        JOIN acquisition.acquisitions a ON a.payment_id = p.id AND a.kind = 'Payment'
        LEFT JOIN acquisition.merchants m ON m.id = p.merchant_id
        WHERE p.id = ANY($1) AND p.status = 'Canceled'
          AND NOT EXISTS (SELECT 1 FROM acquisition.acquisitions c WHERE c.payment_id = p.id AND c.kind = 'Cancellation')
        """;

    public async Task<List<AcquiringCandidate>> NextAsync(AcquisitionKind kind, QueuePosition after, int limit)
    {
        await using var command = database.DataSource.CreateCommand(kind == AcquisitionKind.Payment ? Payments : Cancellations);
        command.Parameters.Add(new NpgsqlParameter { Value = after.At });
        command.Parameters.Add(new NpgsqlParameter { Value = after.Id });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        return await ReadAsync(command, kind, limit);
    }

    public async Task<List<AcquiringCandidate>> ByIdsAsync(AcquisitionKind kind, IReadOnlyCollection<Guid> paymentIds)
    {
        await using var command = database.DataSource.CreateCommand(kind == AcquisitionKind.Payment ? PaymentsByIds : CancellationsByIds);
        command.Parameters.Add(new NpgsqlParameter { Value = paymentIds.ToArray() });
        return await ReadAsync(command, kind, paymentIds.Count);
    }

    public async Task<QueuePosition> CursorAsync(AcquisitionKind kind)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT position_at, position_id FROM acquisition.acquiring_cursors WHERE kind = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = kind.ToString() });
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? new QueuePosition(reader.GetDateTime(0), reader.GetGuid(1)) : QueuePosition.Start;
    }

    /// <summary>Moves the cursor forward only: a slower writer never takes it back.</summary>
    public async Task AdvanceCursorAsync(AcquisitionKind kind, QueuePosition position)
    {
        await using var command = database.DataSource.CreateCommand(
            """
            INSERT INTO acquisition.acquiring_cursors (kind, position_at, position_id) VALUES ($1, $2, $3)
            ON CONFLICT (kind) DO UPDATE SET position_at = excluded.position_at, position_id = excluded.position_id
            WHERE (acquiring_cursors.position_at, acquiring_cursors.position_id) < (excluded.position_at, excluded.position_id)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = kind.ToString() });
        command.Parameters.Add(new NpgsqlParameter { Value = position.At });
        command.Parameters.Add(new NpgsqlParameter { Value = position.Id });
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<AcquiringCandidate>> ReadAsync(NpgsqlCommand command, AcquisitionKind kind, int capacity)
    {
        var candidates = new List<AcquiringCandidate>(capacity);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var merchant = reader.GetBoolean(9)
                ? new MerchantTerms(reader.IsDBNull(10) ? null : reader.GetDecimal(10), reader.IsDBNull(11) ? null : reader.GetString(11))
                : null;
            var paymentCharges = reader.IsDBNull(12) ? null : new AcquisitionCharges(reader.GetInt64(12), reader.GetInt64(13));
            candidates.Add(new AcquiringCandidate(
                kind,
                reader.GetGuid(0),
                reader.GetGuid(1),
                reader.GetGuid(2),
                reader.GetGuid(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetInt64(6),
                reader.GetDateTime(7),
                reader.IsDBNull(8) ? null : reader.GetDateTime(8),
                merchant,
                paymentCharges));
        }

        return candidates;
    }
}
