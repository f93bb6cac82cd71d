using Modular.BuildingBlocks.Domain.Errors;

namespace Modular.Funding.Features.PlacePledge;

internal static class PledgeErrors
{
    public static readonly Error AlreadyPledged =
        Error.Conflict("funding.already_pledged", "You already have a pending or completed pledge to this project.");

    public static readonly Error RewardSoldOut = Error.Conflict("funding.reward_sold_out", "This reward is sold out; nothing was stored.");

    public static readonly Error KeyReused =
        Error.Unprocessable("funding.idempotency_key_reused", "This Idempotency-Key was already used with a different request.");

    public static readonly Error NotOpen = Error.Conflict("funding.project_not_open", "The project does not take pledges now.");

    public static Error UnknownTier(Guid tierId) => Error.Unprocessable("funding.unknown_tier", $"Tier {tierId} is not a reward of this project.");

    public static Error BelowPrice(long price) => Error.Unprocessable("funding.amount_below_price", $"This reward costs at least {price}.") with
    {
        Details = new Dictionary<string, object?> { ["price"] = price },
    };
}
