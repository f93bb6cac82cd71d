using Marten;
using MediatR;
using Modular.BuildingBlocks.Application.Paging;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Infrastructure.ReadModels;
using Modular.Funding.Infrastructure;
using Modular.Funding.ReadModels;

namespace Modular.Funding.Features.SearchProjectPledges;

internal sealed class SearchProjectPledgesQueryHandler(ReadStore<FundingDbContext> store, ICurrentUser user)
    : IRequestHandler<SearchProjectPledgesQuery, KeysetPage<PledgeView>>
{
    public async Task<KeysetPage<PledgeView>> Handle(SearchProjectPledgesQuery query, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var project = await session.LoadAsync<ProjectDocument>(query.ProjectId, cancellationToken);
        if (project is null || !user.CanSee(project.OrganizationId))
        {
            throw ProjectResponse.NotFound(query.ProjectId);
        }

        // Served by pledges_by_project (project, id), or pledges_by_project_status (project, status, id); newest first.
        var pledges = session.Query<PledgeDocument>().Where(pledge => pledge.ProjectId == query.ProjectId);
        if (query.Status is { } status)
        {
            pledges = pledges.Where(pledge => pledge.Status == status);
        }

        return await pledges.ToNewestFirstPageAsync(query.Before, query.Limit, PledgeView.From, cancellationToken);
    }
}
