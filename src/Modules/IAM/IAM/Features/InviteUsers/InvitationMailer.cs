using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Modular.BuildingBlocks.Infrastructure.Email;
using Modular.BuildingBlocks.Infrastructure.Persistence;
using Modular.IAM.Infrastructure;
using Npgsql;

namespace Modular.IAM.Features.InviteUsers;

/// <summary>
/// E-mails the invited rows. It leases rows that wait for their e-mail (<c>FOR UPDATE SKIP LOCKED</c>, so several
/// instances share the work), sends them with no connection or transaction held, and records each outcome in its own
/// short statement. The token was stored with the row before the lease, so a resend (after a crash, once the lease
/// ran out) carries the same token: an invitee may in that rare case get the e-mail twice, never a token that does not
/// work. A refused address is recorded Failed and stops nothing else.
/// </summary>
internal sealed class InvitationMailer(
    ModuleDataSource<IamDbContext> database, IEmailSender email, IOptions<IamOptions> options, IamMetrics metrics, TimeProvider clock,
    ILogger<InvitationMailer> logger)
    : BackgroundService
{
    private const int LeaseBatch = 50;

    // As many sends in flight as the sender keeps SMTP connections (Email:Connections' default); each outcome then
    // takes a pooled database connection for one statement.
    private const int SendsInFlight = 4;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sweep = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (sweep)
                {
                    await CompleteJobsAsync(stoppingToken);
                    sweep = false;
                }

                var due = await LeaseAsync(stoppingToken);
                if (due.Count == 0)
                {
                    await Task.Delay(options.Value.InvitationMailPollInterval, clock, stoppingToken);
                    continue;
                }

                await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = SendsInFlight, CancellationToken = stoppingToken }, async (row, cancellationToken) => await DeliverAsync(row, cancellationToken));
                await CompleteJobsAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The database was unreachable: the leases run out and the rows are taken again.
                logger.LogError(exception, "Invitation mailer run failed");
                await Task.Delay(options.Value.InvitationMailPollInterval, clock, stoppingToken);
            }
        }
    }

    private async Task DeliverAsync(DueInvitation row, CancellationToken cancellationToken)
    {
        if (row.Leases > options.Value.InvitationMailMaxLeases)
        {
            await RecordAsync(row, InvitationRowResult.Failed, $"Not delivered after {row.Leases - 1} attempts.", cancellationToken);
            return;
        }

        try
        {
            await email.SendAsync(Invitation(row), cancellationToken);
            await RecordAsync(row, InvitationRowResult.Sent, error: null, cancellationToken);
        }
        catch (EmailDeliveryException exception)
        {
            await RecordAsync(row, InvitationRowResult.Failed, exception.Message, cancellationToken);
        }
    }

    private async Task<List<DueInvitation>> LeaseAsync(CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            """
            UPDATE iam.invitation_rows AS r
               SET mail_leased_until = now() + $1, mail_attempts = r.mail_attempts + 1
              FROM (SELECT job_id, row_no FROM iam.invitation_rows
                     WHERE result = 'Invited' AND mail_token IS NOT NULL AND (mail_leased_until IS NULL OR mail_leased_until < now())
                     ORDER BY job_id, row_no LIMIT $2 FOR UPDATE SKIP LOCKED) AS due,
                   iam.users AS u, iam.invitation_jobs AS j, iam.organizations AS o
             WHERE r.job_id = due.job_id AND r.row_no = due.row_no AND u.id = r.user_id AND j.id = r.job_id AND o.id = j.organization_id
            RETURNING r.job_id, r.row_no, u.email, o.name, r.mail_token, r.mail_attempts
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = options.Value.InvitationMailLease });
        command.Parameters.Add(new NpgsqlParameter { Value = LeaseBatch });
        var due = new List<DueInvitation>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            due.Add(new DueInvitation(reader.GetGuid(0), reader.GetInt16(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetInt16(5)));
        }

        return due;
    }

    private async Task RecordAsync(DueInvitation row, string result, string? error, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            "UPDATE iam.invitation_rows SET result = $3, error = $4, mail_token = NULL, mail_leased_until = NULL WHERE job_id = $1 AND row_no = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = row.JobId });
        command.Parameters.Add(new NpgsqlParameter { Value = row.RowNo });
        command.Parameters.Add(new NpgsqlParameter { Value = result });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)error ?? DBNull.Value });
        await command.ExecuteNonQueryAsync(cancellationToken);
        metrics.Mailed(result);
    }

    /// <summary>
    /// Completes every sending job with no row left to e-mail. It runs after this mailer's outcomes committed, so
    /// whichever mailer records a job's last outcome sees all the others; and at start-up, for a mailer that died in
    /// between. No lock is held while e-mails go out.
    /// </summary>
    private async Task CompleteJobsAsync(CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            $"""
             UPDATE iam.invitation_jobs AS j SET status = '{InvitationJobStatus.Completed}', completed_at = now()
              WHERE j.status = '{InvitationJobStatus.Sending}'
                AND NOT EXISTS (SELECT 1 FROM iam.invitation_rows AS r WHERE r.job_id = j.id AND r.result = '{InvitationRowResult.Invited}')
             """);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private EmailMessage Invitation(DueInvitation row) => new(
        row.Email,
        $"You are invited to {row.OrganizationName} on Modular",
        $"""
         Hello,

         You have been invited to join {row.OrganizationName} on Modular.
         Accept the invitation and choose your password here (valid for {options.Value.InvitationLifetime.TotalDays:0.#} days, once):

         {options.Value.AcceptInvitationUrl}?token={row.Token}

         If you did not expect this e-mail, ignore it.
         """);

    private sealed record DueInvitation(Guid JobId, short RowNo, string Email, string OrganizationName, string Token, short Leases);
}
