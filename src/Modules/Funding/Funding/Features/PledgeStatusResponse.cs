using Modular.BuildingBlocks.Domain.Errors;

namespace Modular.Funding.Features;

internal sealed record PledgeStatusResponse(Guid Id, string Status)
{
    /// <summary>Also the answer for someone else's pledge, so its existence does not leak.</summary>
    public static DomainException NotFound(Guid pledgeId) => new(Error.NotFound("funding.pledge_not_found", $"Pledge {pledgeId} was not found."));
}
