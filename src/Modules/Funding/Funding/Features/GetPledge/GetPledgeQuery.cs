using Modular.BuildingBlocks.Application.Messaging;

namespace Modular.Funding.Features.GetPledge;

internal sealed record GetPledgeQuery(Guid PledgeId) : IQuery<PledgeView>;
