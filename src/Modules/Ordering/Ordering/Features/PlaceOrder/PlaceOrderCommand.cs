using MediatR;

namespace Modular.Ordering.Features.PlaceOrder;

/// <summary>
/// Not an ICommand on purpose: the reservation batcher owns the transaction (one for many concurrent orders), so the
/// per-request unit of work must not open another.
/// </summary>
internal sealed record PlaceOrderCommand(Guid CustomerId, IReadOnlyList<PlaceOrderLine> Lines, string CardToken, string? IdempotencyKey)
    : IRequest<PlaceOrderAnswer>;

internal sealed record PlaceOrderLine(Guid ProductId, int Quantity);

/// <summary>The HTTP answer to write as is: a fresh 201 or the stored first answer of a retried Idempotency-Key.</summary>
internal sealed record PlaceOrderAnswer(int StatusCode, string Body);
