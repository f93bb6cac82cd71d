using Modular.Ordering.Contracts;

namespace Modular.Bench.Projections;

/// <summary>Every order is placed, then paid (70 %) or cancelled (30 %); the events of all orders are shuffled together.</summary>
internal static class OrderEvents
{
    public static List<Event> Shuffled(int orders, out long paid, out Guid[] ids)
    {
        var random = new Random(42);
        var placedAt = DateTimeOffset.UtcNow;
        var organization = Guid.CreateVersion7();
        var merchant = Guid.CreateVersion7();
        var product = Guid.CreateVersion7();
        var events = new List<Event>(orders * 2);
        ids = new Guid[orders];
        paid = 0;
        for (var index = 0; index < orders; index++)
        {
            var id = Guid.CreateVersion7();
            ids[index] = id;
            events.Add(new Event(id, "placed", new OrderPlaced(id, Guid.CreateVersion7(), merchant, organization, 12_000, [new OrderPlacedLine(product, 1, 12_000)], placedAt)));
            if (random.NextDouble() < 0.7)
            {
                paid++;
                events.Add(new Event(id, "paid", new OrderPaid(id, Guid.CreateVersion7(), placedAt.AddSeconds(1))));
            }
            else
            {
                events.Add(new Event(id, "cancelled", new OrderCancelled(id, "payment.declined", placedAt.AddSeconds(1))));
            }
        }

        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(events));
        return events;
    }

    /// <param name="Kind">The event's name in its projection queue (placed, paid, cancelled).</param>
    internal sealed record Event(Guid OrderId, string Kind, object Message);
}
