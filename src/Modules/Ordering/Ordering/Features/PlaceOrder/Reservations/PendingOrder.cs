using Modular.BuildingBlocks.Infrastructure.Messaging.Outbox;
using Modular.Ordering.Domain;

namespace Modular.Ordering.Features.PlaceOrder.Reservations;

/// <summary>One validated, priced order waiting in the batcher; <see cref="ResponseBody"/> is its 201 answer if it is reserved.</summary>
internal sealed class PendingOrder(
    Guid orderId, Guid customerId, Guid merchantId, Guid organizationId, IReadOnlyList<PricedLine> lines, string cardToken,
    string? idempotencyKey, string requestHash, string responseBody, DateTime placedAt)
{
    public Guid OrderId { get; } = orderId;
    public Guid CustomerId { get; } = customerId;
    public Guid MerchantId { get; } = merchantId;
    public Guid OrganizationId { get; } = organizationId;
    public IReadOnlyList<PricedLine> Lines { get; } = lines;
    public string CardToken { get; } = cardToken;
    public string? IdempotencyKey { get; } = idempotencyKey;
    public string RequestHash { get; } = requestHash;
    public string ResponseBody { get; } = responseBody;
    public DateTime PlacedAt { get; } = placedAt;
    /// <summary>The placing request's trace, captured here because the batcher writes the outbox rows from its own loop.</summary>
    public string? TraceContext { get; } = OutboxTraceContext.Capture();

    public long Total { get; } = OrderingLimits.TotalOf(lines.Select(line => (line.UnitPrice, line.Quantity)));

    public TaskCompletionSource<PlacementOutcome> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

internal sealed record PricedLine(Guid ProductId, int Quantity, long UnitPrice);
