using MassTransit;
using Microsoft.EntityFrameworkCore;
using Modular.IAM.Contracts;
using Modular.IAM.Domain;
using Modular.IAM.Infrastructure;
using Npgsql;

namespace Modular.IAM.Features.InviteUsers;

/// <summary>
/// Classifies a job's rows (invalid, duplicate within the batch, already registered) and creates the Invited users,
/// then queues their e-mails in chunks. It all happens in the message's one transaction, so a crash or redelivery
/// starts over from scratch and never creates a user twice; a concurrent registration of the same address fails the
/// insert on the unique index, and the retry then reports that row as already registered.
/// </summary>
internal sealed class InvitationJobSubmittedConsumer(IamDbContext db, TimeProvider clock) : IConsumer<InvitationJobSubmitted>
{
    public const int EmailChunkSize = 50;

    public async Task Consume(ConsumeContext<InvitationJobSubmitted> context)
    {
        var id = context.Message.JobId;
        var cancellationToken = context.CancellationToken;
        var job = await db.Database.SqlQuery<PendingJob>(
                $"""SELECT organization_id AS "OrganizationId", roles AS "Roles" FROM iam.invitation_jobs WHERE id = {id} AND status = {InvitationJobStatus.Pending} FOR UPDATE""")
            .SingleOrDefaultAsync(cancellationToken);
        if (job is null)
        {
            return;
        }

        var rows = await db.Database.SqlQuery<PendingRow>(
                $"""SELECT row_no::int AS "RowNo", email AS "Email" FROM iam.invitation_rows WHERE job_id = {id} ORDER BY row_no""")
            .ToListAsync(cancellationToken);
        var results = await ClassifyAsync(rows, cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        var invited = new List<int>();
        foreach (var row in rows.Where(row => results[row.RowNo].Result == InvitationRowResult.Invited))
        {
            var user = User.Invite(row.Email, job.OrganizationId, job.Roles, now);
            db.Users.Add(user);
            db.Publish(UserEvents.Registered(user));
            results[row.RowNo] = (InvitationRowResult.Invited, user.Id);
            invited.Add(row.RowNo);
        }

        await db.SaveChangesAsync(cancellationToken);
        await RecordResultsAsync(id, results, cancellationToken);

        var chunks = invited.Chunk(EmailChunkSize).ToList();
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
             UPDATE iam.invitation_jobs
                SET status = {(chunks.Count == 0 ? InvitationJobStatus.Completed : InvitationJobStatus.Sending)}, chunks_total = {chunks.Count},
                    completed_at = CASE WHEN {chunks.Count} = 0 THEN now() END
              WHERE id = {id}
             """, cancellationToken);
        foreach (var chunk in chunks)
        {
            db.Publish(new InvitationEmailsDue(id, chunk[0], chunk[^1]));
        }
    }

    private async Task<Dictionary<int, (string Result, Guid? UserId)>> ClassifyAsync(IReadOnlyList<PendingRow> rows, CancellationToken cancellationToken)
    {
        var results = new Dictionary<int, (string Result, Guid? UserId)>(rows.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            results[row.RowNo] = !EmailAddress.IsValid(row.Email) ? (InvitationRowResult.Invalid, null)
                : !seen.Add(EmailAddress.Normalize(row.Email)) ? (InvitationRowResult.Duplicate, null)
                : (InvitationRowResult.Invited, null);
        }

        var candidates = seen.ToArray();
        var registered = (await db.Users.Where(user => candidates.Contains(user.Email)).Select(user => user.Email).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var row in rows.Where(row => results[row.RowNo].Result == InvitationRowResult.Invited && registered.Contains(EmailAddress.Normalize(row.Email))))
        {
            results[row.RowNo] = (InvitationRowResult.AlreadyRegistered, null);
        }

        return results;
    }

    private Task<int> RecordResultsAsync(Guid id, Dictionary<int, (string Result, Guid? UserId)> results, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(
            """
            UPDATE iam.invitation_rows AS r SET result = x.result, user_id = x.user_id
              FROM unnest(@rows, @results, @users) AS x(row_no, result, user_id)
             WHERE r.job_id = @id AND r.row_no = x.row_no
            """,
            [
                new NpgsqlParameter("id", id),
                new NpgsqlParameter("rows", results.Keys.Select(row => (short)row).ToArray()),
                new NpgsqlParameter("results", results.Values.Select(value => value.Result).ToArray()),
                new NpgsqlParameter("users", results.Values.Select(value => value.UserId).ToArray()),
            ],
            cancellationToken);

    private sealed record PendingJob(Guid OrganizationId, string[] Roles);

    private sealed record PendingRow(int RowNo, string Email);
}
