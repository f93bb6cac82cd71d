using Marten;
using MediatR;
using Modular.BuildingBlocks.Application.Paging;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Infrastructure.ReadModels;
using Modular.Funding.Features.GetProject;
using Modular.Funding.Infrastructure;
using Modular.Funding.ReadModels;

namespace Modular.Funding.Features.SearchProjects;

internal sealed class SearchProjectsQueryHandler(ReadStore<FundingDbContext> store, ICurrentUser user)
    : IRequestHandler<SearchProjectsQuery, KeysetPage<ProjectPage>>
{
    public async Task<KeysetPage<ProjectPage>> Handle(SearchProjectsQuery query, CancellationToken cancellationToken)
    {
        // An owner filter (or a merchant's own organization) uses projects_by_organization, a status filter
        // projects_by_status, a deadline range projects_by_deadline; all page newest first by id.
        await using var session = store.QuerySession();
        var projects = session.Query<ProjectDocument>().Where(project => project.Deadline != null);
        var organizationId = user.VisibleOrganization() ?? query.OrganizationId;
        if (organizationId is { } owner)
        {
            projects = projects.Where(project => project.OrganizationId == owner);
        }

        if (query.Status is { } status)
        {
            projects = projects.Where(project => project.Status == status);
        }

        if (query.DeadlineFrom is { } from)
        {
            var since = new DateTimeOffset(from.ToUniversalTime());
            projects = projects.Where(project => project.Deadline >= since);
        }

        if (query.DeadlineTo is { } to)
        {
            var until = new DateTimeOffset(to.ToUniversalTime());
            projects = projects.Where(project => project.Deadline < until);
        }

        return await projects.ToNewestFirstPageAsync(query.Before, query.Limit, ProjectPage.From, cancellationToken);
    }
}
