using MediatR;
using Microsoft.EntityFrameworkCore;
using Modular.BuildingBlocks.Application.Paging;
using Modular.BuildingBlocks.Application.Security;
using Modular.Ordering.Domain;
using Modular.Ordering.Infrastructure;

namespace Modular.Ordering.Features.SearchProducts;

/// <summary>
/// The catalogue, newest first, keyset-paged on the time-ordered id: read from the products table (the write model is
/// the catalogue; there is no projection to lag), on products_by_organization for one organization's list.
/// </summary>
internal sealed class SearchProductsQueryHandler(OrderingDbContext db, ICurrentUser user)
    : IRequestHandler<SearchProductsQuery, KeysetPage<ProductResponse>>
{
    public async Task<KeysetPage<ProductResponse>> Handle(SearchProductsQuery query, CancellationToken cancellationToken)
    {
        var products = db.Products.VisibleTo(user);
        if (query.OrganizationId is { } organizationId)
        {
            products = products.Where(product => product.OrganizationId == organizationId);
        }

        if (query.Status is { } status)
        {
            var wanted = Enum.Parse<ProductStatus>(status, ignoreCase: true);
            products = products.Where(product => product.Status == wanted);
        }

        if (!string.IsNullOrEmpty(query.NamePrefix))
        {
            products = products.Where(product => product.Name.StartsWith(query.NamePrefix));
        }

        if (query.Before is { } before)
        {
            products = products.Where(product => product.Id.CompareTo(before) < 0);
        }

        var rows = await products.OrderByDescending(product => product.Id).Take(query.Limit).ToListAsync(cancellationToken);
        return KeysetPage<ProductResponse>.Of(rows, query.Limit, product => product.Id, ProductResponse.From);
    }
}
