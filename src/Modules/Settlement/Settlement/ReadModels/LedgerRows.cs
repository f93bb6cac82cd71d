using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Modular.Settlement.Domain;
using Modular.Settlement.Infrastructure;
using Npgsql;
using NpgsqlTypes;

namespace Modular.Settlement.ReadModels;

/// <summary>
/// Writes ledger documents set-based, in the consumer's transaction: one multi-row INSERT per chunk from a jsonb array
/// (the document as Marten stores it, with the duplicated columns taken from it). Marten's own Store is an upsert
/// function call per document, about half the rate (PACKAGES.md).
/// </summary>
internal static class LedgerRows
{
    /// <summary>The read store's serializer settings: camelCase names; the ledger has no enums.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string Columns = """
        (id, data, mt_last_modified, mt_version, mt_dotnet_type, requested_at, submitted_at, pg, pay_method, service_type,
         submit_type, transaction_type, organization_id, acquisition_id)
        """;

    private const string Values = """
        SELECT (x->>'id')::uuid, x, now(), gen_random_uuid(), @type, (x->>'requestedAt')::timestamptz, (x->>'submittedAt')::timestamptz,
               x->>'pg', x->>'payMethod', x->>'serviceType', x->>'submitType', x->>'transactionType',
               (x->>'organizationId')::uuid, (x->>'acquisitionId')::uuid
          FROM unnest(@rows) AS x
        """;

    /// <summary>Adds rows not in the ledger yet (a row already there is left as it is); returns how many were added.</summary>
    public static Task<int> AddAsync(SettlementDbContext db, IReadOnlyList<LedgerEntry> rows, int chunk, CancellationToken cancellationToken) =>
        WriteAsync(db, rows, chunk, $"INSERT INTO {SettlementReadStore.LedgerTable} {Columns} {Values} ON CONFLICT (id) DO NOTHING", cancellationToken);

    /// <summary>Writes rows whatever is there (reconciliation's repair).</summary>
    public static Task<int> PutAsync(SettlementDbContext db, IReadOnlyList<LedgerEntry> rows, int chunk, CancellationToken cancellationToken) =>
        WriteAsync(db, rows, chunk, $"""
            INSERT INTO {SettlementReadStore.LedgerTable} {Columns} {Values}
            ON CONFLICT (id) DO UPDATE SET data = excluded.data, mt_last_modified = excluded.mt_last_modified, mt_version = excluded.mt_version,
                requested_at = excluded.requested_at, submitted_at = excluded.submitted_at, pg = excluded.pg, pay_method = excluded.pay_method,
                service_type = excluded.service_type, submit_type = excluded.submit_type, transaction_type = excluded.transaction_type,
                organization_id = excluded.organization_id, acquisition_id = excluded.acquisition_id
            """, cancellationToken);

    public static async Task<int> RemoveAsync(SettlementDbContext db, IReadOnlyList<Guid> ids, CancellationToken cancellationToken) =>
        ids.Count == 0 ? 0 : await db.Database.ExecuteSqlRawAsync(
            $"DELETE FROM {SettlementReadStore.LedgerTable} WHERE id = ANY(@ids)", [new NpgsqlParameter<Guid[]>("ids", ids.ToArray())], cancellationToken);

    public static string Serialize(LedgerEntry row) => JsonSerializer.Serialize(row, Json);

    private static async Task<int> WriteAsync(SettlementDbContext db, IReadOnlyList<LedgerEntry> rows, int chunk, string sql, CancellationToken cancellationToken)
    {
        var written = 0;
        foreach (var part in rows.Chunk(Math.Max(1, chunk)))
        {
            written += await db.Database.ExecuteSqlRawAsync(sql, [
                new NpgsqlParameter("rows", NpgsqlDbType.Array | NpgsqlDbType.Jsonb) { Value = part.Select(Serialize).ToArray() },
                new NpgsqlParameter<string>("type", typeof(LedgerEntry).FullName!),
            ], cancellationToken);
        }

        return written;
    }
}
