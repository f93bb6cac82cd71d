using Modular.BuildingBlocks.Application.Messaging;

namespace Modular.Funding.Features.CancelPledge;

/// <summary>The backer withdraws a Pending or Completed pledge while the project is Open.</summary>
internal sealed record CancelPledgeCommand(Guid PledgeId, Guid BackerId) : ICommand<PledgeStatusResponse>;
