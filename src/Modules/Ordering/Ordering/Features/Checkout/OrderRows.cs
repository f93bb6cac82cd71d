using Microsoft.EntityFrameworkCore;
using Modular.Ordering.Infrastructure;

namespace Modular.Ordering.Features.Checkout;

/// <summary>
/// State changes of an order row, each one conditional UPDATE on the expected status, so a change happens exactly once
/// however often or concurrently it is asked for. Cancelling returns the stock in the same transaction.
/// </summary>
internal static class OrderRows
{
    public const string ShopperCancelled = "shopper.cancelled";

    public static async Task<bool> PayAsync(OrderingDbContext db, Guid orderId, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE ordering.orders SET status = 'Paid', updated_at = now() WHERE id = {orderId} AND status = 'PendingPayment'", cancellationToken) == 1;

    /// <summary>Cancels a PendingPayment or Paid order (of <paramref name="customerId"/> when given) and returns its stock.</summary>
    public static async Task<IReadOnlyList<Guid>?> CancelAsync(OrderingDbContext db, Guid orderId, Guid? customerId, string reason, CancellationToken cancellationToken)
    {
        var cancelled = await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
             UPDATE ordering.orders SET status = 'Cancelled', cancel_reason = {reason}, updated_at = now()
              WHERE id = {orderId} AND status IN ('PendingPayment', 'Paid') AND ({customerId}::uuid IS NULL OR customer_id = {customerId})
             """, cancellationToken);
        if (cancelled == 0)
        {
            return null;
        }

        var products = await db.Database.SqlQuery<Guid>(
            $"""
             UPDATE ordering.products AS p SET stock = p.stock + l.quantity
               FROM ordering.order_lines AS l
              WHERE l.order_id = {orderId} AND p.id = l.product_id
             RETURNING p.id AS "Value"
             """).ToListAsync(cancellationToken);
        return products;
    }

    public static async Task<bool> ShipAsync(OrderingDbContext db, Guid orderId, Guid? organizationId, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
             UPDATE ordering.orders SET status = 'Shipped', updated_at = now()
              WHERE id = {orderId} AND status = 'Paid' AND ({organizationId}::uuid IS NULL OR organization_id = {organizationId})
             """, cancellationToken) == 1;
}
