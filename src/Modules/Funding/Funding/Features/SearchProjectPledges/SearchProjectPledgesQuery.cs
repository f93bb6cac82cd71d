using Modular.BuildingBlocks.Application.Messaging;
using Modular.BuildingBlocks.Application.Paging;

namespace Modular.Funding.Features.SearchProjectPledges;

internal sealed record SearchProjectPledgesQuery(Guid ProjectId, string? Status, Guid? Before, int Limit) : IQuery<KeysetPage<PledgeView>>;
