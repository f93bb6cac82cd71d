using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Modular.BuildingBlocks.Infrastructure.Messaging.Sagas;
using Modular.Ordering.Contracts;
using Modular.Ordering.Features.Checkout;
using Modular.Ordering.Features.PlaceOrder.Reservations;
using Modular.Ordering.Infrastructure;
using Modular.Ordering.ReadModels;
using Npgsql;

namespace Modular.Ordering.Features.SubmitBulkOrder;

/// <summary>
/// Reserves a bulk order's lines in chunks (one conditional UPDATE per chunk; a job's products are distinct, so each
/// row is decremented once per statement), records each line's result, then places one order of the reserved lines
/// (with its checkout and messages) — all in the message's one transaction, so a crash mid-way changes nothing and the
/// redelivery starts over. All-or-nothing with a short line gives every reserved unit back and rejects the job.
/// </summary>
internal sealed class BulkOrderSubmittedConsumer(
    OrderingDbContext db, IOptions<CheckoutOptions> checkout, SagaEndpoint<CheckoutState> checkoutEndpoint, TimeProvider clock) : IConsumer<BulkOrderSubmitted>
{
    public const int ChunkSize = 50;

    public async Task Consume(ConsumeContext<BulkOrderSubmitted> context)
    {
        var id = context.Message.BulkOrderId;
        var cancellationToken = context.CancellationToken;
        var job = await db.Database.SqlQuery<BulkJob>(
            $"""SELECT customer_id AS "CustomerId", merchant_id AS "MerchantId", organization_id AS "OrganizationId", mode AS "Mode", card_token AS "CardToken", created_at AS "CreatedAt", (SELECT count(*)::int FROM ordering.bulk_order_lines WHERE bulk_order_id = {id}) AS "LineCount" FROM ordering.bulk_orders WHERE id = {id} AND status = 'Pending'""")
            .SingleOrDefaultAsync(cancellationToken);
        if (job is null)
        {
            return;
        }

        for (var first = 1; first <= job.LineCount; first += ChunkSize)
        {
            await ReserveChunkAsync(id, first, first + ChunkSize - 1, cancellationToken);
        }

        var reserved = await db.Database.SqlQuery<ReservedLine>(
            $"""SELECT product_id AS "ProductId", quantity AS "Quantity", unit_price AS "UnitPrice" FROM ordering.bulk_order_lines WHERE bulk_order_id = {id} AND result = 'Reserved' ORDER BY line_no""")
            .ToListAsync(cancellationToken);
        var anyShort = reserved.Count < job.LineCount;
        if (reserved.Count == 0 || (anyShort && job.Mode == nameof(BulkOrderMode.AllOrNothing)))
        {
            await RejectAsync(id, cancellationToken);
            await PublishSettledAsync(id, job, BulkOrderStates.Rejected, orderId: null, cancellationToken);
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var order = new PendingOrder(
            Guid.CreateVersion7(now), job.CustomerId, job.MerchantId, job.OrganizationId,
            reserved.Select(line => new PricedLine(line.ProductId, line.Quantity, line.UnitPrice)).ToList(),
            job.CardToken, idempotencyKey: null, requestHash: "", responseBody: "", now);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var transaction = (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction();
        await ReservationSql.StoreAsync(connection, transaction, [order], [], checkout.Value.PaymentTimeout, checkoutEndpoint.Address);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE ordering.bulk_orders SET status = 'Completed', order_id = {order.OrderId}, completed_at = {now} WHERE id = {id}", cancellationToken);
        await PublishSettledAsync(id, job, BulkOrderStates.Completed, order.OrderId, cancellationToken);
    }

    /// <summary>The settled state for the staff's read side, in this transaction's outbox (counted from the lines just written).</summary>
    private async Task PublishSettledAsync(Guid id, BulkJob job, string status, Guid? orderId, CancellationToken cancellationToken)
    {
        var counts = await db.Database.SqlQuery<ResultCounts>(
                $"""
                 SELECT count(*) FILTER (WHERE result = 'Reserved')::int AS "Reserved", count(*) FILTER (WHERE result = 'Short')::int AS "Short",
                        count(*) FILTER (WHERE result = 'Released')::int AS "Released"
                   FROM ordering.bulk_order_lines WHERE bulk_order_id = {id}
                 """)
            .SingleAsync(cancellationToken);
        db.Publish(new BulkOrderChanged(
            id, job.OrganizationId, job.CustomerId, job.Mode, status, orderId, job.LineCount, counts.Reserved, counts.Short, counts.Released,
            new DateTimeOffset(job.CreatedAt, TimeSpan.Zero), clock.GetUtcNow()));
    }

    private Task<int> ReserveChunkAsync(Guid id, int first, int last, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync(
            $"""
             WITH reserved AS (
                 UPDATE ordering.products AS p SET stock = p.stock - l.quantity
                   FROM ordering.bulk_order_lines AS l
                  WHERE l.bulk_order_id = {id} AND l.line_no BETWEEN {first} AND {last}
                    AND p.id = l.product_id AND p.stock >= l.quantity AND p.status = 'Active'
                 RETURNING l.line_no)
             UPDATE ordering.bulk_order_lines AS l
                SET result = CASE WHEN l.line_no IN (SELECT line_no FROM reserved) THEN 'Reserved' ELSE 'Short' END
              WHERE l.bulk_order_id = {id} AND l.line_no BETWEEN {first} AND {last}
             """, cancellationToken);

    private async Task RejectAsync(Guid id, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
             UPDATE ordering.products AS p SET stock = p.stock + l.quantity
               FROM ordering.bulk_order_lines AS l
              WHERE l.bulk_order_id = {id} AND l.result = 'Reserved' AND p.id = l.product_id
             """, cancellationToken);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE ordering.bulk_order_lines SET result = 'Released' WHERE bulk_order_id = {id} AND result = 'Reserved'", cancellationToken);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE ordering.bulk_orders SET status = 'Rejected', completed_at = {clock.GetUtcNow().UtcDateTime} WHERE id = {id}", cancellationToken);
    }

    private sealed record BulkJob(Guid CustomerId, Guid MerchantId, Guid OrganizationId, string Mode, string CardToken, DateTime CreatedAt, int LineCount);

    private sealed record ResultCounts(int Reserved, int Short, int Released);

    private sealed record ReservedLine(Guid ProductId, int Quantity, long UnitPrice);
}
