using MediatR;
using Microsoft.EntityFrameworkCore;
using Modular.BuildingBlocks.Application.Security;
using Modular.Funding.Infrastructure;

namespace Modular.Funding.Features.OpenProject;

internal sealed class OpenProjectCommandHandler(FundingDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<OpenProjectCommand, ProjectResponse>
{
    public async Task<ProjectResponse> Handle(OpenProjectCommand command, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsTracking().SingleOrDefaultAsync(p => p.Id == command.ProjectId, cancellationToken);
        ProjectResponse.EnsureManagedBy(project, command.ProjectId, user);
        project!.Open(clock.GetUtcNow().UtcDateTime);
        db.Publish(ProjectMessages.ChangedOf(project));
        return ProjectResponse.From(project);
    }
}
