using MassTransit;
using Microsoft.EntityFrameworkCore;
using Modular.IAM.Contracts;
using Modular.IAM.Domain;
using Modular.IAM.Infrastructure;
using Npgsql;

namespace Modular.IAM.Features.InviteUsers;

/// <summary>
/// Classifies a job's rows (invalid, duplicate within the batch, already registered) and creates the Invited users,
/// each with its invitation token, which the row keeps for <see cref="InvitationMailer"/>. It all happens in the
/// message's one transaction, so a crash or redelivery starts over from scratch and never creates a user twice (nor a
/// token no e-mail will carry); a concurrent registration of the same address fails the insert on the unique index,
/// and the retry then reports that row as already registered.
/// </summary>
internal sealed class InvitationJobSubmittedConsumer(IamDbContext db, TimeProvider clock) : IConsumer<InvitationJobSubmitted>
{
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
        var invited = 0;
        foreach (var row in rows.Where(row => results[row.RowNo].Result == InvitationRowResult.Invited))
        {
            var user = User.Invite(row.Email, job.OrganizationId, job.Roles, now);
            var (token, hash) = InvitationToken.Create();
            user.IssueInvitation(hash, now);
            db.Users.Add(user);
            db.Publish(UserEvents.Registered(user));
            results[row.RowNo] = (InvitationRowResult.Invited, user.Id, token);
            invited++;
        }

        await db.SaveChangesAsync(cancellationToken);
        await RecordResultsAsync(id, results, cancellationToken);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
             UPDATE iam.invitation_jobs
                SET status = {(invited == 0 ? InvitationJobStatus.Completed : InvitationJobStatus.Sending)},
                    completed_at = CASE WHEN {invited} = 0 THEN now() END
              WHERE id = {id}
             """, cancellationToken);
    }

    private async Task<Dictionary<int, (string Result, Guid? UserId, string? MailToken)>> ClassifyAsync(IReadOnlyList<PendingRow> rows, CancellationToken cancellationToken)
    {
        var results = new Dictionary<int, (string Result, Guid? UserId, string? MailToken)>(rows.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            results[row.RowNo] = !EmailAddress.IsValid(row.Email) ? (InvitationRowResult.Invalid, null, null)
                : !seen.Add(EmailAddress.Normalize(row.Email)) ? (InvitationRowResult.Duplicate, null, null)
                : (InvitationRowResult.Invited, null, null);
        }

        var candidates = seen.ToArray();
        var registered = (await db.Users.Where(user => candidates.Contains(user.Email)).Select(user => user.Email).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var row in rows.Where(row => results[row.RowNo].Result == InvitationRowResult.Invited && registered.Contains(EmailAddress.Normalize(row.Email))))
        {
            results[row.RowNo] = (InvitationRowResult.AlreadyRegistered, null, null);
        }

        return results;
    }

    private Task<int> RecordResultsAsync(Guid id, Dictionary<int, (string Result, Guid? UserId, string? MailToken)> results, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(
            """
            UPDATE iam.invitation_rows AS r SET result = x.result, user_id = x.user_id, mail_token = x.mail_token
              FROM unnest(@rows, @results, @users, @tokens) AS x(row_no, result, user_id, mail_token)
             WHERE r.job_id = @id AND r.row_no = x.row_no
            """,
            [
                new NpgsqlParameter("id", id),
                new NpgsqlParameter("rows", results.Keys.Select(row => (short)row).ToArray()),
                new NpgsqlParameter("results", results.Values.Select(value => value.Result).ToArray()),
                new NpgsqlParameter("users", results.Values.Select(value => value.UserId).ToArray()),
                new NpgsqlParameter("tokens", results.Values.Select(value => value.MailToken).ToArray()),
            ],
            cancellationToken);

    private sealed record PendingJob(Guid OrganizationId, string[] Roles);

    private sealed record PendingRow(int RowNo, string Email);
}
