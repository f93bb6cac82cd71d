using MediatR;
using Microsoft.EntityFrameworkCore;
using Modular.BuildingBlocks.Application.Security;
using Modular.Funding.Infrastructure;

namespace Modular.Funding.Features.EditProject;

internal sealed class EditProjectCommandHandler(FundingDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<EditProjectCommand, ProjectResponse>
{
    public async Task<ProjectResponse> Handle(EditProjectCommand command, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsTracking().SingleOrDefaultAsync(p => p.Id == command.ProjectId, cancellationToken);
        ProjectResponse.EnsureManagedBy(project, command.ProjectId, user);
        project!.Edit(command.Title, command.Goal, command.StartsAt.ToUniversalTime(), command.Deadline.ToUniversalTime(),
            ProjectMessages.SpecsOf(command.Tiers), clock.GetUtcNow().UtcDateTime);
        db.Publish(ProjectMessages.ChangedOf(project));
        return ProjectResponse.From(project);
    }
}
