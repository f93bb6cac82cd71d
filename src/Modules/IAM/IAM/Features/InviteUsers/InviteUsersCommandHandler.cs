using MediatR;
using Microsoft.EntityFrameworkCore;
using Modular.BuildingBlocks.Application.Security;
using Modular.IAM.Contracts;
using Modular.IAM.Infrastructure;
using Npgsql;

namespace Modular.IAM.Features.InviteUsers;

/// <summary>Stores the job with its rows and queues it, all in one transaction; <see cref="InvitationJobSubmittedConsumer"/> does the work.</summary>
internal sealed class InviteUsersCommandHandler(IamDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<InviteUsersCommand, InvitationJobAccepted>
{
    public async Task<InvitationJobAccepted> Handle(InviteUsersCommand command, CancellationToken cancellationToken)
    {
        var organization = await db.ManagedAsync(user, command.OrganizationId, command.Roles, cancellationToken);
        var id = Guid.CreateVersion7();
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
             INSERT INTO iam.invitation_jobs (id, organization_id, roles, requested_by, status, created_at)
             VALUES ({id}, {organization.Id}, {command.Roles.Distinct().ToArray()}, {user.UserId}, {InvitationJobStatus.Pending}, {clock.GetUtcNow().UtcDateTime})
             """, cancellationToken);
        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO iam.invitation_rows (job_id, row_no, email, result)
            SELECT @id, row_no, email, @pending FROM unnest(@emails) WITH ORDINALITY AS e(email, row_no)
            """,
            [
                new NpgsqlParameter("id", id),
                new NpgsqlParameter("pending", InvitationRowResult.Pending),
                new NpgsqlParameter("emails", command.Emails.Select(email => email.Trim()).ToArray()),
            ],
            cancellationToken);
        db.Publish(new InvitationJobSubmitted(id));
        return new InvitationJobAccepted(id, InvitationJobStatus.Pending, command.Emails.Count);
    }
}
