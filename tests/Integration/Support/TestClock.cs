namespace Modular.Tests.Integration.Support;

/// <summary>
/// The clock a test host takes from DI instead of <see cref="TimeProvider.System"/>: real time plus an offset a test
/// moves forward, so a deadline or lifetime passes at once instead of by editing rows or waiting. Timers keep real time.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Moves the clock ahead by <paramref name="span"/> until the returned handle is disposed.</summary>
    public IDisposable Advance(TimeSpan span)
    {
        Interlocked.Add(ref _offsetTicks, span.Ticks);
        return new Rewind(this, span);
    }

    private sealed class Rewind(TestClock clock, TimeSpan span) : IDisposable
    {
        public void Dispose() => Interlocked.Add(ref clock._offsetTicks, -span.Ticks);
    }
}
