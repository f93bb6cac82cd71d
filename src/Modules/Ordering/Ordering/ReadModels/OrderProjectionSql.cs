namespace Modular.Ordering.ReadModels;

/// <summary>
/// Set-based upserts of the order read model, one statement per batch of events. Events may arrive in any order (an
/// OrderPaid before its OrderPlaced), so the timeline is the record and the row's status is the furthest state in it:
/// rank 0 PendingPayment, 1 Paid, 2 Shipped or Cancelled. Every statement is idempotent.
/// </summary>
internal static class OrderProjectionSql
{
    /// <summary>{0} ids, {1} customers, {2} merchants, {3} organizations, {4} totals, {5} lines as JSON, {6} placed at.</summary>
    public const string InsertOrders = """
        INSERT INTO ordering_read.orders (id, customer_id, merchant_id, organization_id, status, total, product_ids, lines, placed_at, updated_at)
        SELECT o.id, o.customer_id, o.merchant_id, o.organization_id, 'PendingPayment', o.total,
               ARRAY(SELECT (line->>'productId')::uuid FROM jsonb_array_elements(o.lines::jsonb) AS line), o.lines::jsonb, o.placed_at, o.placed_at
        FROM unnest({0}::uuid[], {1}::uuid[], {2}::uuid[], {3}::uuid[], {4}::bigint[], {5}::text[], {6}::timestamptz[])
            AS o(id, customer_id, merchant_id, organization_id, total, lines, placed_at)
        ON CONFLICT (id) DO NOTHING
        """;

    /// <summary>
    /// Records states ({0} order ids, {1} statuses, {2} times, {3} reasons) and refreshes those orders' status, in one
    /// round trip.
    /// </summary>
    public const string RecordStatesAndRefresh = """
        INSERT INTO ordering_read.order_timeline (order_id, status, at, reason)
        SELECT * FROM unnest({0}::uuid[], {1}::text[], {2}::timestamptz[], {3}::text[])
        ON CONFLICT (order_id, status) DO NOTHING;
        UPDATE ordering_read.orders o
        SET status = (SELECT t.status FROM ordering_read.order_timeline t WHERE t.order_id = o.id
                      ORDER BY CASE t.status WHEN 'PendingPayment' THEN 0 WHEN 'Paid' THEN 1 ELSE 2 END DESC LIMIT 1),
            updated_at = now()
        WHERE o.id = ANY({0})
        """;
}
