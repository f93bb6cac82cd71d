using Modular.BuildingBlocks.Domain.Errors;

namespace Modular.Ordering.Features;

internal static class ProductErrors
{
    /// <summary>Also the answer for another organization's product, so its existence does not leak.</summary>
    public static DomainException NotFound(Guid productId) =>
        new(Error.NotFound("ordering.product_not_found", $"Product {productId} was not found."));
}
