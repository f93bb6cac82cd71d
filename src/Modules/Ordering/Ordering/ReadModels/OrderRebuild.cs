using Microsoft.EntityFrameworkCore;
using Modular.Ordering.Infrastructure;

namespace Modular.Ordering.ReadModels;

/// <summary>Order documents rebuilt from the write model's orders and lines (a state's time is the row's last update).</summary>
internal static class OrderRebuild
{
    public const string Table = "ordering.orders";

    public static async Task<IReadOnlyCollection<OrderDocument>> LoadAsync(OrderingDbContext db, Guid[] ids, CancellationToken cancellationToken)
    {
        var orders = await db.Database.SqlQuery<OrderRow>($"""
            SELECT id AS "Id", customer_id AS "CustomerId", merchant_id AS "MerchantId", organization_id AS "OrganizationId",
                   status AS "Status", cancel_reason AS "CancelReason", total AS "Total", placed_at AS "PlacedAt", updated_at AS "UpdatedAt"
              FROM ordering.orders WHERE id = ANY({ids})
            """).ToListAsync(cancellationToken);
        var lines = (await db.Database.SqlQuery<OrderLineRow>($"""
                SELECT order_id AS "OrderId", product_id AS "ProductId", quantity AS "Quantity", unit_price AS "UnitPrice"
                  FROM ordering.order_lines WHERE order_id = ANY({ids}) ORDER BY order_id, line_no
                """).ToListAsync(cancellationToken))
            .ToLookup(line => line.OrderId, line => new OrderLineView(line.ProductId, line.Quantity, line.UnitPrice));
        return orders.Select(order => Document(order, lines[order.Id].ToList())).ToList();
    }

    public static OrderDocument Merge(OrderDocument? current, OrderDocument rebuilt) => current?.MergedWith(rebuilt) ?? rebuilt;

    private static OrderDocument Document(OrderRow order, List<OrderLineView> lines)
    {
        var document = new OrderDocument
        {
            Id = order.Id,
            CustomerId = order.CustomerId,
            MerchantId = order.MerchantId,
            OrganizationId = order.OrganizationId,
            Total = order.Total,
            Lines = lines,
            ProductIds = lines.Select(line => line.ProductId).Distinct().ToList(),
            PlacedAt = order.PlacedAt,
        };
        document.Reached(OrderStates.PendingPayment, order.PlacedAt, reason: null);
        return order.Status == OrderStates.PendingPayment ? document : document.Reached(order.Status, order.UpdatedAt, order.CancelReason);
    }

    private sealed record OrderRow(
        Guid Id, Guid CustomerId, Guid MerchantId, Guid OrganizationId, string Status, string? CancelReason, long Total, DateTime PlacedAt, DateTime UpdatedAt);

    private sealed record OrderLineRow(Guid OrderId, Guid ProductId, int Quantity, long UnitPrice);
}
