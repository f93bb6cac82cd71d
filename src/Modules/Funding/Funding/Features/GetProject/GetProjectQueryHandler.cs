using MediatR;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Infrastructure.ReadModels;
using Modular.Funding.Infrastructure;
using Modular.Funding.ReadModels;

namespace Modular.Funding.Features.GetProject;

internal sealed class GetProjectQueryHandler(ReadStore<FundingDbContext> store, ICurrentUser user) : IRequestHandler<GetProjectQuery, ProjectPage>
{
    public async Task<ProjectPage> Handle(GetProjectQuery query, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var project = await session.LoadAsync<ProjectDocument>(query.ProjectId, cancellationToken);
        if (project?.Deadline is null)
        {
            throw ProjectResponse.NotFound(query.ProjectId);
        }

        // A draft is seen only by its own organization's staff and by operators; a published project by everyone.
        var isStaff = user.IsStaff();
        if (project.Status == "Draft" && !(isStaff && user.CanSee(project.OrganizationId)))
        {
            throw ProjectResponse.NotFound(query.ProjectId);
        }

        return ProjectPage.From(project);
    }
}
