using Modular.BuildingBlocks.Domain.Errors;

namespace Modular.Ordering.Domain;

/// <summary>
/// The documented upper bounds of the catalog and of orders (README, Ordering). Within them no sum can overflow its
/// column (stock is an integer, money a bigint); sums are computed checked all the same. Past a bound the answer is
/// 422 <c>ordering.limit_exceeded</c> naming the field and the bound.
/// </summary>
internal static class OrderingLimits
{
    /// <summary>Price of one unit, in the smallest currency unit (KRW).</summary>
    public const long MaxPrice = 1_000_000_000;

    /// <summary>Units of one product in stock, restocks included.</summary>
    public const int MaxStock = 1_000_000_000;

    /// <summary>Total of one order (normal or bulk).</summary>
    public const long MaxOrderTotal = 100_000_000_000;

    public static DomainException Exceeded(string field, long limit) =>
        new(Error.Unprocessable("ordering.limit_exceeded", $"{field} must not exceed {limit:N0}.") with
        {
            Details = new Dictionary<string, object?> { ["field"] = field, ["limit"] = limit },
        });

    public static long TotalOf(IEnumerable<(long UnitPrice, int Quantity)> lines)
    {
        try
        {
            var total = checked(lines.Sum(line => line.UnitPrice * line.Quantity));
            return total <= MaxOrderTotal ? total : throw Exceeded("total", MaxOrderTotal);
        }
        catch (OverflowException)
        {
            throw Exceeded("total", MaxOrderTotal);
        }
    }
}
