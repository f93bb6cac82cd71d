using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Modular.Acquisition.Contracts;
using Modular.Acquisition.Infrastructure;
using Modular.BuildingBlocks.Infrastructure.Messaging.Outbox;
using Npgsql;
using NpgsqlTypes;

namespace Modular.Acquisition.Features.Acquire;

/// <summary>
/// Stores one chunk of acquisitions in one transaction: one multi-row INSERT (arrays unnested), the chunk's
/// AcquisitionsRecorded in the outbox and the resolution of the items' earlier errors. A row acquired already (the unique
/// index) is skipped, and only the rows inserted are published: each acquisition is in exactly one message.
/// </summary>
internal sealed class AcquisitionWriter(IServiceScopeFactory scopes, OutboxSignals outboxSignals)
{
    private const string Insert =
        """
        INSERT INTO acquisition.acquisitions (id, kind, payment_id, merchant_id, organization_id, reference, approval_number,
            pay_method, pay_method_detail, amount, fee, vat, approved_at, canceled_at, acquired_at, acquired_on)
        SELECT *, (acquired_at AT TIME ZONE 'UTC')::date
        FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[], $7::text[], $8::text[], $9::text[],
            $10::bigint[], $11::bigint[], $12::bigint[], $13::timestamptz[], $14::timestamptz[], $15::timestamptz[])
            AS chunk (id, kind, payment_id, merchant_id, organization_id, reference, approval_number, pay_method,
                pay_method_detail, amount, fee, vat, approved_at, canceled_at, acquired_at)
        ON CONFLICT (payment_id, kind) DO NOTHING
        RETURNING id
        """;

    private const string Resolve =
        """
        UPDATE acquisition.acquiring_errors e
        SET status = 'Resolved', closed_at = $3, note = 'Acquired on a later run.', next_retry_at = NULL, version = version + 1
        FROM unnest($1::uuid[], $2::text[]) AS acquired (payment_id, kind)
        WHERE e.transaction_id = acquired.payment_id AND e.kind = acquired.kind AND e.status <> 'Resolved'
        """;

    /// <returns>The entries inserted (all but those acquired already).</returns>
    public async Task<IReadOnlyList<AcquisitionEntry>> WriteAsync(IReadOnlyList<AcquisitionEntry> entries, DateTime now)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AcquisitionDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var npgsqlTransaction = (NpgsqlTransaction)transaction.GetDbTransaction();

        var inserted = new HashSet<Guid>(entries.Count);
        await using (var insert = new NpgsqlCommand(Insert, connection, npgsqlTransaction))
        {
            AddColumns(insert, entries);
            await using var reader = await insert.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                inserted.Add(reader.GetGuid(0));
            }
        }

        var recorded = entries.Where(entry => inserted.Contains(entry.AcquisitionId)).ToList();
        if (recorded.Count > 0)
        {
            await using var resolve = new NpgsqlCommand(Resolve, connection, npgsqlTransaction);
            resolve.Parameters.Add(new NpgsqlParameter { Value = recorded.Select(entry => entry.PaymentId).ToArray() });
            resolve.Parameters.Add(new NpgsqlParameter { Value = recorded.Select(entry => entry.Kind).ToArray() });
            resolve.Parameters.Add(new NpgsqlParameter { Value = now });
            await resolve.ExecuteNonQueryAsync();
            db.Publish(new AcquisitionsRecorded(recorded), traceContext: null);
            await db.SaveChangesAsync();
        }

        await transaction.CommitAsync();
        if (recorded.Count > 0)
        {
            outboxSignals.Wake(db.Schema);
        }

        return recorded;
    }

    private static void AddColumns(NpgsqlCommand command, IReadOnlyList<AcquisitionEntry> entries)
    {
        Add(command, entries.Select(e => e.AcquisitionId));
        Add(command, entries.Select(e => e.Kind));
        Add(command, entries.Select(e => e.PaymentId));
        Add(command, entries.Select(e => e.MerchantId));
        Add(command, entries.Select(e => e.OrganizationId));
        Add(command, entries.Select(e => e.Reference));
        Add(command, entries.Select(e => e.ApprovalNumber));
        Add(command, entries.Select(e => e.PayMethod));
        Add(command, entries.Select(e => e.PayMethodDetail));
        Add(command, entries.Select(e => e.Amount));
        Add(command, entries.Select(e => e.Fee));
        Add(command, entries.Select(e => e.Vat));
        Add(command, entries.Select(e => e.ApprovedAt.UtcDateTime));
        Add(command, entries.Select(e => e.CanceledAt?.UtcDateTime), NpgsqlDbType.Array | NpgsqlDbType.TimestampTz);
        Add(command, entries.Select(e => e.AcquiredAt.UtcDateTime));
    }

    private static void Add<T>(NpgsqlCommand command, IEnumerable<T> values, NpgsqlDbType? type = null)
    {
        var parameter = new NpgsqlParameter { Value = values.ToArray() };
        if (type is { } explicitType)
        {
            parameter.NpgsqlDbType = explicitType;
        }

        command.Parameters.Add(parameter);
    }
}
