namespace Modular.Ordering.Features.PlaceOrder.Reservations;

/// <summary>How the batcher answered one order.</summary>
internal abstract record PlacementOutcome
{
    /// <summary>Reserved and stored (or the stored first answer of a retried Idempotency-Key).</summary>
    public sealed record Answered(int StatusCode, string Body) : PlacementOutcome;

    /// <summary>Nothing reserved or stored: these products had too little stock.</summary>
    public sealed record OutOfStock(IReadOnlyList<Guid> ShortProducts) : PlacementOutcome;

    /// <summary>The Idempotency-Key was first used with another request body.</summary>
    public sealed record KeyReused : PlacementOutcome;
}
