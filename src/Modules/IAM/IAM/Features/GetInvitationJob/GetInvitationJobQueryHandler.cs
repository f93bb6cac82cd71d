using MediatR;
using Microsoft.EntityFrameworkCore;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Domain.Errors;
using Modular.IAM.Infrastructure;

namespace Modular.IAM.Features.GetInvitationJob;

/// <summary>A merchant admin sees only its own organization's jobs; another's is "not found".</summary>
internal sealed class GetInvitationJobQueryHandler(IamDbContext db, ICurrentUser user) : IRequestHandler<GetInvitationJobQuery, InvitationJobView>
{
    public async Task<InvitationJobView> Handle(GetInvitationJobQuery query, CancellationToken cancellationToken)
    {
        var job = await db.Database.SqlQuery<JobRow>(
                $"""SELECT organization_id AS "OrganizationId", status AS "Status" FROM iam.invitation_jobs WHERE id = {query.JobId}""")
            .SingleOrDefaultAsync(cancellationToken);
        if (job is null || !user.CanSee(job.OrganizationId))
        {
            throw new DomainException(Error.NotFound("iam.invitation_job_not_found", $"Invitation job {query.JobId} was not found."));
        }

        var rows = await db.Database.SqlQuery<InvitationRowView>(
                $"""SELECT row_no::int AS "Row", email AS "Email", result AS "Result", user_id AS "UserId", error AS "Error" FROM iam.invitation_rows WHERE job_id = {query.JobId} ORDER BY row_no""")
            .ToListAsync(cancellationToken);
        var counts = rows.GroupBy(row => row.Result).ToDictionary(group => group.Key, group => group.Count());
        return new InvitationJobView(query.JobId, job.OrganizationId, job.Status, rows.Count, counts, rows);
    }

    private sealed record JobRow(Guid OrganizationId, string Status);
}
