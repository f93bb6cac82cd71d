using Modular.Ordering.Domain;

namespace Modular.Ordering.Features;

internal sealed record ProductResponse(Guid Id, Guid OrganizationId, Guid MerchantId, string Name, long Price, int Stock, string Status)
{
    public static ProductResponse From(Product product) => new(
        product.Id, product.OrganizationId, product.MerchantId, product.Name, product.Price, product.Stock, product.Status.ToString());
}
