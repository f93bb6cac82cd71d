using MediatR;
using Modular.BuildingBlocks.Domain.Errors;

namespace Modular.Ordering.Features.PlaceOrder;

/// <summary>
/// Not an ICommand on purpose: the reservation batcher owns the transaction (one for many concurrent orders), so the
/// per-request unit of work must not open another.
/// </summary>
internal sealed record PlaceOrderCommand(Guid CustomerId, IReadOnlyList<PlaceOrderLine> Lines, string CardToken, string? IdempotencyKey)
    : IRequest<PlaceOrderAnswer>;

internal sealed record PlaceOrderLine(Guid ProductId, int Quantity);

internal abstract record PlaceOrderAnswer
{
    /// <summary>The HTTP answer to write as is: a fresh 201 or the stored first answer of a retried Idempotency-Key.</summary>
    public sealed record Stored(int StatusCode, string Body) : PlaceOrderAnswer;

    /// <summary>Refused and nothing stored; returned rather than thrown because a sold-out sale refuses most requests.</summary>
    public sealed record Refused(Error Error) : PlaceOrderAnswer;
}
