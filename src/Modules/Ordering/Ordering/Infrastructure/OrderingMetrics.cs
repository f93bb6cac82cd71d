using System.Diagnostics.Metrics;

namespace Modular.Ordering.Infrastructure;

/// <summary>Ordering's business meter "Modular.Ordering". Labels are bounded: the cancel reason is one of a few codes, never an id.</summary>
internal sealed class OrderingMetrics : IDisposable
{
    public const string MeterName = "Modular.Ordering";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _placed;
    private readonly Counter<long> _paid;
    private readonly Counter<long> _cancelled;

    public OrderingMetrics()
    {
        _placed = _meter.CreateCounter<long>("modular.ordering.orders_placed", description: "Orders accepted (stock reserved, waiting for payment)");
        _paid = _meter.CreateCounter<long>("modular.ordering.orders_paid", description: "Orders whose payment was authorized");
        _cancelled = _meter.CreateCounter<long>("modular.ordering.orders_cancelled", description: "Orders cancelled, by reason");
    }

    public void Placed(int count) => _placed.Add(count);

    public void Paid() => _paid.Add(1);

    public void Cancelled(string reason) => _cancelled.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Dispose() => _meter.Dispose();
}
