using MediatR;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Infrastructure.ReadModels;
using Modular.Funding.Infrastructure;
using Modular.Funding.ReadModels;

namespace Modular.Funding.Features.GetPledge;

internal sealed class GetPledgeQueryHandler(ReadStore<FundingDbContext> store, ICurrentUser user) : IRequestHandler<GetPledgeQuery, PledgeView>
{
    public async Task<PledgeView> Handle(GetPledgeQuery query, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var pledge = await session.LoadAsync<PledgeDocument>(query.PledgeId, cancellationToken);
        var isStaff = user.IsStaff();
        if (pledge is null || !(pledge.BackerId == user.UserId || (isStaff && user.CanSee(pledge.OrganizationId))))
        {
            throw PledgeStatusResponse.NotFound(query.PledgeId);
        }

        return PledgeView.From(pledge);
    }
}
