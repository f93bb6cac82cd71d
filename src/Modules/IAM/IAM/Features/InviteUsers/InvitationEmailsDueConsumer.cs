using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Modular.BuildingBlocks.Infrastructure.Email;
using Modular.IAM.Contracts;
using Modular.IAM.Domain;
using Modular.IAM.Infrastructure;
using Npgsql;

namespace Modular.IAM.Features.InviteUsers;

/// <summary>
/// E-mails one chunk of a job's invited rows. Each invitee gets a fresh one-time token; only its hash is stored, in
/// the same transaction that records the row as Sent. If the transaction is lost after some e-mails left (crash,
/// redelivery), the chunk is sent again with new tokens: delivery is at least once, and only the tokens of the last
/// committed attempt work. A refused address is recorded Failed and does not stop the chunk.
/// </summary>
internal sealed class InvitationEmailsDueConsumer(IamDbContext db, IEmailSender email, IOptions<IamOptions> options, TimeProvider clock)
    : IConsumer<InvitationEmailsDue>
{
    public async Task Consume(ConsumeContext<InvitationEmailsDue> context)
    {
        var (id, first, last) = context.Message;
        var cancellationToken = context.CancellationToken;
        var organizationName = await db.Database.SqlQuery<string>(
                $"""SELECT o.name AS "Value" FROM iam.invitation_jobs j JOIN iam.organizations o ON o.id = j.organization_id WHERE j.id = {id}""")
            .SingleAsync(cancellationToken);
        var userIds = await db.Database.SqlQuery<Guid>(
                $"""SELECT user_id AS "Value" FROM iam.invitation_rows WHERE job_id = {id} AND row_no BETWEEN {first} AND {last} AND result = {InvitationRowResult.Invited}""")
            .ToListAsync(cancellationToken);
        var users = await db.Users.AsTracking()
            .Where(user => userIds.Contains(user.Id) && user.Status == UserStatus.Invited)
            .ToListAsync(cancellationToken);

        var outcomes = new List<(Guid UserId, string Result, string? Error)>(users.Count);
        foreach (var user in users)
        {
            var (token, hash) = InvitationToken.Create();
            try
            {
                await email.SendAsync(Invitation(user.Email, organizationName, token), cancellationToken);
                user.IssueInvitation(hash, clock.GetUtcNow().UtcDateTime);
                outcomes.Add((user.Id, InvitationRowResult.Sent, null));
            }
            catch (EmailDeliveryException exception)
            {
                outcomes.Add((user.Id, InvitationRowResult.Failed, exception.Message));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await RecordOutcomesAsync(id, outcomes, cancellationToken);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
             UPDATE iam.invitation_jobs
                SET chunks_done = chunks_done + 1,
                    status = CASE WHEN chunks_done + 1 >= chunks_total THEN {InvitationJobStatus.Completed} ELSE status END,
                    completed_at = CASE WHEN chunks_done + 1 >= chunks_total THEN now() END
              WHERE id = {id}
             """, cancellationToken);
    }

    private EmailMessage Invitation(string to, string organizationName, string token) => new(
        to,
        $"You are invited to {organizationName} on Modular",
        $"""
         Hello,

         You have been invited to join {organizationName} on Modular.
         Accept the invitation and choose your password here (valid for {options.Value.InvitationLifetime.TotalDays:0.#} days, once):

         {options.Value.AcceptInvitationUrl}?token={token}

         If you did not expect this e-mail, ignore it.
         """);

    private Task<int> RecordOutcomesAsync(Guid id, List<(Guid UserId, string Result, string? Error)> outcomes, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(
            """
            UPDATE iam.invitation_rows AS r SET result = x.result, error = x.error
              FROM unnest(@users, @results, @errors) AS x(user_id, result, error)
             WHERE r.job_id = @id AND r.user_id = x.user_id
            """,
            [
                new NpgsqlParameter("id", id),
                new NpgsqlParameter("users", outcomes.Select(outcome => outcome.UserId).ToArray()),
                new NpgsqlParameter("results", outcomes.Select(outcome => outcome.Result).ToArray()),
                new NpgsqlParameter("errors", outcomes.Select(outcome => outcome.Error).ToArray()),
            ],
            cancellationToken);
}
