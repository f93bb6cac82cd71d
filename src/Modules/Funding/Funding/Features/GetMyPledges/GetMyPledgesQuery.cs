using Modular.BuildingBlocks.Application.Messaging;
using Modular.BuildingBlocks.Application.Paging;

namespace Modular.Funding.Features.GetMyPledges;

internal sealed record GetMyPledgesQuery(Guid BackerId, Guid? Before, int Limit) : IQuery<KeysetPage<PledgeView>>;
