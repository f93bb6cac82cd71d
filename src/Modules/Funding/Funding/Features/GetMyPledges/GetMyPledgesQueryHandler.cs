using Marten;
using MediatR;
using Modular.BuildingBlocks.Application.Paging;
using Modular.BuildingBlocks.Infrastructure.ReadModels;
using Modular.Funding.Infrastructure;
using Modular.Funding.ReadModels;

namespace Modular.Funding.Features.GetMyPledges;

internal sealed class GetMyPledgesQueryHandler(ReadStore<FundingDbContext> store) : IRequestHandler<GetMyPledgesQuery, KeysetPage<PledgeView>>
{
    public async Task<KeysetPage<PledgeView>> Handle(GetMyPledgesQuery query, CancellationToken cancellationToken)
    {
        // Served by pledges_by_backer (backer, id), newest first.
        await using var session = store.QuerySession();
        var pledges = session.Query<PledgeDocument>().Where(pledge => pledge.BackerId == query.BackerId);
        return await pledges.ToNewestFirstPageAsync(query.Before, query.Limit, PledgeView.From, cancellationToken);
    }
}
