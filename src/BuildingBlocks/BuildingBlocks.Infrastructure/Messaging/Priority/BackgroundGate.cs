using Microsoft.Extensions.Options;

namespace Modular.BuildingBlocks.Infrastructure.Messaging.Priority;

/// <summary>
/// Every unit of background work (a consumed message or batch, an outbox delivery batch) enters here first. While the
/// web tier is busy only <see cref="MessagingOptions.BackgroundSlotsWhenBusy"/> units run at once, so a flash sale's
/// requests keep the cores and the work they leave (payments, projections) is delivered at a steady floor rate and
/// catches up when the burst ends. Otherwise work enters at once (each endpoint's own limits apply).
/// </summary>
public sealed class BackgroundGate(ForegroundDemand demand, IOptions<MessagingOptions> options)
{
    // Waiters look again this often, so they run at full speed soon after the burst ends.
    private static readonly TimeSpan RecheckInterval = TimeSpan.FromMilliseconds(50);
    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.Value.BackgroundSlotsWhenBusy));

    public async ValueTask<Pass> EnterAsync(CancellationToken cancellationToken)
    {
        while (demand.IsBusy)
        {
            if (await _slots.WaitAsync(RecheckInterval, cancellationToken))
            {
                return new Pass(_slots);
            }
        }

        return default;
    }

    /// <summary>Held for the unit of work; gives its slot back (if it took one) when disposed.</summary>
    public readonly struct Pass(SemaphoreSlim? slot) : IDisposable
    {
        /// <summary>True when the web tier was busy: the holder should keep its unit small.</summary>
        public bool WhileBusy => slot is not null;

        public void Dispose() => slot?.Release();
    }
}
