using Modular.BuildingBlocks.Domain.Errors;

namespace Modular.Billing.Domain;

/// <summary>What a product costs: a unit price in won (up to 4 decimals) and the monthly minimum fee of an invoice using it.</summary>
internal sealed class PricePlan
{
    public const decimal MaxUnitPrice = 1_000_000_000m;
    public const long MaxMinimumFee = 1_000_000_000_000L;

    private PricePlan()
    {
    }

    public string Product { get; private init; } = "";
    public decimal UnitPrice { get; private set; }
    public long MinimumFee { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public static PricePlan Of(string product, decimal unitPrice, long minimumFee, DateTime now)
    {
        var plan = new PricePlan { Product = product };
        plan.Change(unitPrice, minimumFee, now);
        return plan;
    }

    public void Change(decimal unitPrice, long minimumFee, DateTime now)
    {
        if (unitPrice is < 0 or > MaxUnitPrice || decimal.Round(unitPrice, 4) != unitPrice || minimumFee is < 0 or > MaxMinimumFee)
        {
            throw new DomainException(Error.Unprocessable(
                "billing.price_plan_invalid", $"A unit price is 0 to {MaxUnitPrice} won with at most 4 decimals; a minimum fee 0 to {MaxMinimumFee} won."));
        }

        (UnitPrice, MinimumFee, UpdatedAt) = (unitPrice, minimumFee, now);
    }
}
