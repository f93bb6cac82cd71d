using Microsoft.Extensions.Options;

namespace Modular.BuildingBlocks.Infrastructure.Messaging.Priority;

/// <summary>
/// How many HTTP requests this instance is serving right now. A shopper waits on each of them, while message
/// consumers and outbox delivery can run a little later: with <see cref="MessagingOptions.YieldToRequestsInFlight"/>
/// requests in flight the instance counts as busy and the <see cref="BackgroundGate"/> holds background work back.
/// </summary>
public sealed class ForegroundDemand(IOptions<MessagingOptions> options, TimeProvider clock)
{
    // Requests waiting for a thread are not in flight yet, so a saturated instance's count dips under the threshold
    // now and then; busy therefore lasts this long after the count was last seen at the threshold.
    private static readonly TimeSpan BusyHold = TimeSpan.FromSeconds(1);
    private readonly int _busyAt = options.Value.YieldToRequestsInFlight;
    private readonly long _holdTicks = (long)(BusyHold.TotalSeconds * clock.TimestampFrequency);
    private int _inFlight;
    private long _busyUntil;

    public bool IsBusy =>
        (_busyAt > 0 && Volatile.Read(ref _inFlight) >= _busyAt) || clock.GetTimestamp() < Volatile.Read(ref _busyUntil);

    public void RequestStarted() => HoldBusyIfAtThreshold(Interlocked.Increment(ref _inFlight));

    public void RequestEnded() => HoldBusyIfAtThreshold(Interlocked.Decrement(ref _inFlight) + 1);

    private void HoldBusyIfAtThreshold(int inFlight)
    {
        if (_busyAt <= 0 || inFlight < _busyAt)
        {
            return;
        }

        // One write per tenth of the hold at most: the field is shared by every request thread.
        var now = clock.GetTimestamp();
        if (now + _holdTicks - Volatile.Read(ref _busyUntil) > _holdTicks / 10)
        {
            Volatile.Write(ref _busyUntil, now + _holdTicks);
        }
    }
}
