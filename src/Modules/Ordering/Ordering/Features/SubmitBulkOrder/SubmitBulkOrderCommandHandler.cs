using MediatR;
using Microsoft.EntityFrameworkCore;
using Modular.Ordering.Contracts;
using Modular.Ordering.Domain;
using Modular.Ordering.Features.PlaceOrder;
using Modular.Ordering.Features.PlaceOrder.Reservations;
using Modular.Ordering.Infrastructure;
using Modular.Ordering.ReadModels;
using Npgsql;

namespace Modular.Ordering.Features.SubmitBulkOrder;

/// <summary>Validates and stores the request with its lines priced, and queues it; the stock is reserved by <see cref="BulkOrderSubmittedConsumer"/>.</summary>
internal sealed class SubmitBulkOrderCommandHandler(OrderingDbContext db, ProductCatalogCache catalog, TimeProvider clock)
    : IRequestHandler<SubmitBulkOrderCommand, BulkOrderAccepted>
{
    public async Task<BulkOrderAccepted> Handle(SubmitBulkOrderCommand command, CancellationToken cancellationToken)
    {
        var products = await catalog.GetAsync(command.Lines.Select(line => line.ProductId).ToList(), cancellationToken);
        var merchantId = PlaceOrderCommandHandler.SingleMerchantOf(command.Lines, products);
        // Refused now, not after the lines were reserved: the order the job places may not exceed the bound either.
        OrderingLimits.TotalOf(command.Lines.Select(line => (products[line.ProductId].Price, line.Quantity)));
        var id = Guid.CreateVersion7();
        var organizationId = products[command.Lines[0].ProductId].OrganizationId;
        var submittedAt = clock.GetUtcNow();
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
             INSERT INTO ordering.bulk_orders (id, customer_id, merchant_id, organization_id, mode, status, card_token, created_at)
             VALUES ({id}, {command.CustomerId}, {merchantId}, {organizationId}, {command.Mode.ToString()}, 'Pending', {command.CardToken}, {submittedAt.UtcDateTime})
             """, cancellationToken);
        var lineNumbers = Enumerable.Range(1, command.Lines.Count).Select(number => (short)number).ToArray();
        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO ordering.bulk_order_lines (bulk_order_id, line_no, product_id, quantity, unit_price)
            SELECT @id, * FROM unnest(@numbers, @products, @quantities, @prices)
            """,
            [
                new NpgsqlParameter("id", id),
                new NpgsqlParameter("numbers", lineNumbers),
                new NpgsqlParameter("products", command.Lines.Select(line => line.ProductId).ToArray()),
                new NpgsqlParameter("quantities", command.Lines.Select(line => line.Quantity).ToArray()),
                new NpgsqlParameter("prices", command.Lines.Select(line => products[line.ProductId].Price).ToArray()),
            ],
            cancellationToken);
        db.Publish(new BulkOrderSubmitted(id));
        // The staff's list is a read-side document, written only by its projection: the change leaves through the outbox
        // with this insert, so the list never shows a job that was not stored nor misses one that was.
        db.Publish(new BulkOrderChanged(
            id, organizationId, command.CustomerId, command.Mode.ToString(), BulkOrderStates.Pending, OrderId: null, command.Lines.Count,
            Reserved: 0, Short: 0, Released: 0, submittedAt, CompletedAt: null));
        return new BulkOrderAccepted(id, "Pending");
    }
}
