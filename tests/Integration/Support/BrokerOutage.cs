namespace Modular.Tests.Integration.Support;

/// <summary>How a broker fails: down (connections closed, publishes refused) or frozen (connections open, nothing answers).</summary>
public enum BrokerOutage
{
    Stopped,
    Frozen,
}

public static class BrokerOutages
{
    /// <summary>Takes the broker out as <paramref name="outage"/> says; disposing the result brings it back.</summary>
    public static async Task<IAsyncDisposable> BeginOutageAsync(this BrokerContainer broker, BrokerOutage outage)
    {
        await (outage == BrokerOutage.Stopped ? broker.StopAsync() : broker.PauseAsync());
        return new Restore(() => outage == BrokerOutage.Stopped ? broker.StartAsync() : broker.UnpauseAsync());
    }

    private sealed class Restore(Func<Task> restore) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await restore();
    }
}
