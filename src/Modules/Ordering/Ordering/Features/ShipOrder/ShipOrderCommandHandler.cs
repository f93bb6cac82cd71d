using MediatR;
using Microsoft.EntityFrameworkCore;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Domain.Errors;
using Modular.Ordering.Contracts;
using Modular.Ordering.Features.Checkout;
using Modular.Ordering.Infrastructure;

namespace Modular.Ordering.Features.ShipOrder;

internal sealed class ShipOrderCommandHandler(OrderingDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<ShipOrderCommand, OrderStatusResponse>
{
    public async Task<OrderStatusResponse> Handle(ShipOrderCommand command, CancellationToken cancellationToken)
    {
        var organization = user.VisibleOrganization();
        if (!await OrderRows.ShipAsync(db, command.OrderId, organization, cancellationToken))
        {
            var status = await db.Database
                .SqlQuery<string>($"SELECT status AS \"Value\" FROM ordering.orders WHERE id = {command.OrderId} AND ({organization}::uuid IS NULL OR organization_id = {organization})")
                .SingleOrDefaultAsync(cancellationToken);
            throw status is null
                ? OrderStatusResponse.NotFound(command.OrderId)
                : new DomainException(Error.Conflict("ordering.not_shippable", $"Only a paid order can be shipped; this one is {status}."));
        }

        db.Publish(new OrderShipped(command.OrderId, clock.GetUtcNow()));
        return new OrderStatusResponse(command.OrderId, "Shipped");
    }
}
