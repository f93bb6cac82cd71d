using Modular.BuildingBlocks.Application.Security;
using Modular.Ordering.Domain;

namespace Modular.Ordering.Features;

/// <summary>
/// Which products a caller may read: merchant staff their organization's (operators every organization's), whatever
/// the status; a shopper every organization's active products, the ones it can order. Anything else is "not found".
/// </summary>
internal static class CatalogueVisibility
{
    public static IQueryable<Product> VisibleTo(this IQueryable<Product> products, ICurrentUser user)
    {
        var isStaff = user.IsStaff();
        if (!isStaff)
        {
            return products.Where(product => product.Status == ProductStatus.Active);
        }

        return user.VisibleOrganization() is { } organizationId ? products.Where(product => product.OrganizationId == organizationId) : products;
    }
}
