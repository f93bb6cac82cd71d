using MediatR;
using Microsoft.EntityFrameworkCore;
using Modular.BuildingBlocks.Application.Security;
using Modular.Ordering.Domain;
using Modular.Ordering.Features.PlaceOrder.Reservations;
using Modular.Ordering.Infrastructure;

namespace Modular.Ordering.Features.RestockProduct;

internal sealed class RestockProductCommandHandler(OrderingDbContext db, ICurrentUser user, SoldOutProducts soldOut)
    : IRequestHandler<RestockProductCommand, ProductResponse>
{
    public async Task<ProductResponse> Handle(RestockProductCommand command, CancellationToken cancellationToken)
    {
        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == command.ProductId, cancellationToken);
        if (product is null || !user.CanSee(product.OrganizationId))
        {
            throw ProductErrors.NotFound(command.ProductId);
        }

        // An atomic increment, never a read-modify-write: orders decrement the same row concurrently. The bound is part
        // of the same statement (summed as bigint, so even a row past it cannot overflow the check).
        var restocked = await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
             UPDATE ordering.products SET stock = stock + {command.Quantity}, updated_at = now()
              WHERE id = {command.ProductId} AND stock::bigint + {command.Quantity} <= {OrderingLimits.MaxStock}
             """, cancellationToken);
        if (restocked == 0)
        {
            throw OrderingLimits.Exceeded("stock", OrderingLimits.MaxStock);
        }

        soldOut.Clear(command.ProductId);
        return ProductResponse.From(await db.Products.FirstAsync(p => p.Id == command.ProductId, cancellationToken));
    }
}
