using MediatR;
using Microsoft.EntityFrameworkCore;
using Modular.BuildingBlocks.Application.Security;
using Modular.Ordering.Features.PlaceOrder.Reservations;
using Modular.Ordering.Infrastructure;

namespace Modular.Ordering.Features.UpdateProduct;

internal sealed class UpdateProductCommandHandler(OrderingDbContext db, ICurrentUser user, TimeProvider clock, ProductCatalogCache catalog)
    : IRequestHandler<UpdateProductCommand, ProductResponse>
{
    public async Task<ProductResponse> Handle(UpdateProductCommand command, CancellationToken cancellationToken)
    {
        var product = await db.Products.AsTracking().FirstOrDefaultAsync(p => p.Id == command.ProductId, cancellationToken);
        if (product is null || !user.CanSee(product.OrganizationId))
        {
            throw ProductErrors.NotFound(command.ProductId);
        }

        product.Update(command.Name, command.Price, command.Status, clock.GetUtcNow().UtcDateTime);
        catalog.Forget(product.Id);
        return ProductResponse.From(product);
    }
}
