using MediatR;
using Microsoft.EntityFrameworkCore;
using Modular.BuildingBlocks.Domain.Errors;
using Modular.Ordering.Contracts;
using Modular.Ordering.Features.Checkout;
using Modular.Ordering.Features.PlaceOrder.Reservations;
using Modular.Ordering.Infrastructure;

namespace Modular.Ordering.Features.CancelOrder;

internal sealed class CancelOrderCommandHandler(OrderingDbContext db, SoldOutProducts soldOut, OrderingMetrics metrics, TimeProvider clock)
    : IRequestHandler<CancelOrderCommand, OrderStatusResponse>
{
    public async Task<OrderStatusResponse> Handle(CancelOrderCommand command, CancellationToken cancellationToken)
    {
        var returned = await OrderRows.CancelAsync(db, command.OrderId, command.CustomerId, OrderRows.ShopperCancelled, cancellationToken);
        if (returned is null)
        {
            var status = await db.Database
                .SqlQuery<string>($"SELECT status AS \"Value\" FROM ordering.orders WHERE id = {command.OrderId} AND customer_id = {command.CustomerId}")
                .SingleOrDefaultAsync(cancellationToken);
            throw status is null
                ? OrderStatusResponse.NotFound(command.OrderId)
                : new DomainException(Error.Conflict("ordering.not_cancellable", $"An order that is {status} cannot be cancelled."));
        }

        foreach (var productId in returned)
        {
            soldOut.Clear(productId);
        }

        db.Publish(new OrderCancelled(command.OrderId, OrderRows.ShopperCancelled, clock.GetUtcNow()));
        metrics.Cancelled(OrderRows.ShopperCancelled);
        return new OrderStatusResponse(command.OrderId, "Cancelled");
    }
}
