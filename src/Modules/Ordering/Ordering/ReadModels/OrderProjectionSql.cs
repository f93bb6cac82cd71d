namespace Modular.Ordering.ReadModels;

/// <summary>
/// Upserts of the order read model. Events may arrive in any order (an OrderPaid before its OrderPlaced), so the
/// timeline is the record and the row's status is the furthest state in it: rank 0 PendingPayment, 1 Paid, 2 Shipped
/// or Cancelled. Every statement is idempotent.
/// </summary>
internal static class OrderProjectionSql
{
    private const string FurthestStatus = """
        (SELECT t.status FROM ordering_read.order_timeline t WHERE t.order_id = {0}
          ORDER BY CASE t.status WHEN 'PendingPayment' THEN 0 WHEN 'Paid' THEN 1 ELSE 2 END DESC LIMIT 1)
        """;

    private const string RecordState = """
        INSERT INTO ordering_read.order_timeline (order_id, status, at, reason) VALUES ({0}, {1}, {2}, {3})
        ON CONFLICT (order_id, status) DO NOTHING
        """;

    public const string InsertOrder = """
        INSERT INTO ordering_read.orders (id, customer_id, merchant_id, organization_id, status, total, product_ids, lines, placed_at, updated_at)
        VALUES ({0}, {1}, {2}, {3}, 'PendingPayment', {4}, {5}, {6}::jsonb, {7}, {7})
        ON CONFLICT (id) DO NOTHING
        """;

    private const string RefreshStatus = "UPDATE ordering_read.orders SET status = " + FurthestStatus + ", updated_at = now() WHERE id = {0}";

    /// <summary>Records a state and refreshes the row's status in one round trip (both take the order id as {0}).</summary>
    public const string RecordStateAndRefresh = RecordState + ";\n" + RefreshStatus;
}
