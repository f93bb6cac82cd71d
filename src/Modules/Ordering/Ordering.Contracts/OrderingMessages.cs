namespace Modular.Ordering.Contracts;

/// <summary>An order's stock is reserved and it waits for payment (its checkout started in the same transaction).</summary>
public sealed record OrderPlaced(
    Guid OrderId, Guid CustomerId, Guid MerchantId, Guid OrganizationId, long Total, IReadOnlyList<OrderPlacedLine> Lines, DateTimeOffset PlacedAt);

public sealed record OrderPlacedLine(Guid ProductId, int Quantity, long UnitPrice);

/// <summary>The payment was authorized and the order is paid.</summary>
public sealed record OrderPaid(Guid OrderId, Guid PaymentId, DateTimeOffset PaidAt);

/// <summary>
/// The order is cancelled and its stock returned; <paramref name="Reason"/> is stable: <c>payment.declined</c>,
/// <c>payment.timeout</c> or <c>shopper.cancelled</c>.
/// </summary>
public sealed record OrderCancelled(Guid OrderId, string Reason, DateTimeOffset CancelledAt);

/// <summary>A merchant admin marked the paid order shipped.</summary>
public sealed record OrderShipped(Guid OrderId, DateTimeOffset ShippedAt);

/// <summary>Ordering's own deadline: no payment answer came for the order in time (published by its timeout worker).</summary>
public sealed record CheckoutPaymentTimedOut(Guid OrderId, DateTimeOffset DeadlineAt);

/// <summary>A bulk (B2B) order was accepted for processing (Ordering's own work item, through its outbox).</summary>
public sealed record BulkOrderSubmitted(Guid BulkOrderId);

/// <summary>
/// A bulk order's state for the staff's read side, published when it is submitted (Pending) and when it settles
/// (Completed with <paramref name="OrderId"/>, or Rejected), each time whole, so the furthest status wins whatever the
/// order of arrival. The counts are the lines per result (Reserved, Short, Released); a Pending one has none yet.
/// </summary>
public sealed record BulkOrderChanged(
    Guid BulkOrderId,
    Guid OrganizationId,
    Guid CustomerId,
    string Mode,
    string Status,
    Guid? OrderId,
    int LineCount,
    int Reserved,
    int Short,
    int Released,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? CompletedAt);
