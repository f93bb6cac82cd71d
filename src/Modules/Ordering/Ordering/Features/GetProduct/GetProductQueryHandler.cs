using MediatR;
using Microsoft.EntityFrameworkCore;
using Modular.BuildingBlocks.Application.Security;
using Modular.Ordering.Infrastructure;

namespace Modular.Ordering.Features.GetProduct;

/// <summary>Read from the catalogue table itself, so a product's Location answers right after it is created.</summary>
internal sealed class GetProductQueryHandler(OrderingDbContext db, ICurrentUser user) : IRequestHandler<GetProductQuery, ProductResponse>
{
    public async Task<ProductResponse> Handle(GetProductQuery query, CancellationToken cancellationToken) =>
        await db.Products.VisibleTo(user).SingleOrDefaultAsync(product => product.Id == query.ProductId, cancellationToken) is { } product
            ? ProductResponse.From(product)
            : throw ProductErrors.NotFound(query.ProductId);
}
