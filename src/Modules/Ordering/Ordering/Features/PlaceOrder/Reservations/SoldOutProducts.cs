using System.Collections.Concurrent;

namespace Modular.Ordering.Features.PlaceOrder.Reservations;

/// <summary>
/// Products this process saw reach zero stock, so a flash sale's flood of late orders is refused without touching the
/// database. A mark expires after a second, which bounds how long a restock made through another instance goes unseen;
/// a restock through this instance clears it at once. The row's conditional UPDATE stays the only source of truth.
/// </summary>
internal sealed class SoldOutProducts
{
    private const long MarkLifetimeMs = 1_000;
    private readonly ConcurrentDictionary<Guid, long> _markedAt = new();

    public void Mark(Guid productId) => _markedAt[productId] = Environment.TickCount64;

    public void Clear(Guid productId) => _markedAt.TryRemove(productId, out _);

    public bool IsSoldOut(Guid productId) =>
        _markedAt.TryGetValue(productId, out var markedAt) && Environment.TickCount64 - markedAt < MarkLifetimeMs;
}
