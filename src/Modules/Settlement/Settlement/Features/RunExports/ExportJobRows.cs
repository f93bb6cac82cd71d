using Microsoft.EntityFrameworkCore;
using Modular.Settlement.Domain;
using Modular.Settlement.Infrastructure;

namespace Modular.Settlement.Features.RunExports;

/// <summary>
/// The worker's moves of a job row, each a conditional statement on the claim (id, attempt), so a host that lost its
/// lease (it stopped and another took the job over) can no longer change the job.
/// </summary>
internal static class ExportJobRows
{
    /// <summary>The oldest queued job, or a running one whose lease ran out (its host stopped): claimed for a fresh attempt.</summary>
    public static async Task<ClaimedExport?> ClaimAsync(SettlementDbContext db, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken) =>
        (await db.Database.SqlQuery<ClaimedExport>($"""
            UPDATE settlement.export_jobs j
               SET status = {ExportStatus.Running}, attempts = j.attempts + 1, started_at = coalesce(j.started_at, {now}),
                   lease_until = {now + lease}, rows_written = 0, rows_counted = NULL
             WHERE j.id = (SELECT c.id FROM settlement.export_jobs c
                            WHERE c.status = {ExportStatus.Queued} OR (c.status = {ExportStatus.Running} AND c.lease_until < {now})
                            ORDER BY c.created_at FOR UPDATE SKIP LOCKED LIMIT 1)
            RETURNING j.id AS "Id", j.attempts AS "Attempt", j.organization_id AS "OrganizationId", j.filter::text AS "Filter"
            """).ToListAsync(cancellationToken)).SingleOrDefault();

    /// <summary>Records progress and renews the lease; false when the claim was lost.</summary>
    public static async Task<bool> ProgressAsync(
        SettlementDbContext db, ClaimedExport job, long? counted, long written, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"""
            UPDATE settlement.export_jobs SET rows_counted = {counted}, rows_written = {written}, lease_until = {leaseUntil}
             WHERE id = {job.Id} AND attempts = {job.Attempt} AND status = {ExportStatus.Running}
            """, cancellationToken) == 1;

    public static async Task<bool> ReadyAsync(
        SettlementDbContext db, ClaimedExport job, ExportFile file, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"""
            UPDATE settlement.export_jobs
               SET status = {ExportStatus.Ready}, rows_counted = {file.Rows}, rows_written = {file.Rows}, size_bytes = {file.Size},
                   file_key = {file.Key}, file_name = {file.Name}, content_type = {file.ContentType}, completed_at = {now},
                   expires_at = {expiresAt}, lease_until = NULL, error = NULL
             WHERE id = {job.Id} AND attempts = {job.Attempt} AND status = {ExportStatus.Running}
            """, cancellationToken) == 1;

    public static Task FailAsync(SettlementDbContext db, ClaimedExport job, string error, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            UPDATE settlement.export_jobs SET status = {ExportStatus.Failed}, error = {error}, completed_at = {now}, lease_until = NULL
             WHERE id = {job.Id} AND attempts = {job.Attempt} AND status = {ExportStatus.Running}
            """, cancellationToken);

    /// <summary>Ready jobs whose retention ended, claimed so one host deletes each file.</summary>
    public static Task<List<ExpiredExport>> ExpiredAsync(SettlementDbContext db, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<ExpiredExport>($"""
            SELECT id AS "Id", file_key AS "FileKey" FROM settlement.export_jobs
             WHERE status = {ExportStatus.Ready} AND expires_at < {now}
             ORDER BY expires_at LIMIT 100 FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);

    public static Task ExpireAsync(SettlementDbContext db, IReadOnlyList<Guid> ids, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            UPDATE settlement.export_jobs SET status = {ExportStatus.Expired}, file_key = NULL WHERE id = ANY({ids.ToArray()})
            """, cancellationToken);
}

internal sealed record ClaimedExport(Guid Id, int Attempt, Guid? OrganizationId, string Filter);

internal sealed record ExpiredExport(Guid Id, string FileKey);

internal sealed record ExportFile(string Key, string Name, string ContentType, long Rows, long Size);
