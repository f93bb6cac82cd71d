using Modular.BuildingBlocks.Domain.Errors;

namespace Modular.Funding.Domain;

/// <summary>Stated bounds, so no sum of pledges can overflow a bigint column (100,000,000 × int.MaxValue backers fits).</summary>
internal static class FundingLimits
{
    public const long MaxGoal = 1_000_000_000_000;
    public const long MaxPrice = 100_000_000;
    public const long MinPledge = 1_000;
    public const long MaxPledge = 100_000_000;
    public const int MaxQuantity = 10_000_000;
    public const int MaxTiers = 20;

    public static DomainException Exceeded(string field, long limit) =>
        new(Error.Unprocessable("funding.limit_exceeded", $"{field} is above its limit of {limit}.") with
        {
            Details = new Dictionary<string, object?> { ["field"] = field, ["limit"] = limit },
        });
}
