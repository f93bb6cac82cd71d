using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Modular.BuildingBlocks.Infrastructure.Messaging.Outbox;

/// <summary>Wakes one of a module's dispatch lanes: after an in-process commit, or when PostgreSQL notifies a commit from another instance.</summary>
public sealed class OutboxSignals
{
    private readonly ConcurrentDictionary<string, Channel<bool>> _channels = new(StringComparer.Ordinal);

    public void Wake(string schema) => ChannelOf(schema).Writer.TryWrite(true);

    /// <summary>Waits until woken or until <paramref name="timeout"/> passes (the polling fallback).</summary>
    public async Task WaitAsync(string schema, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var reader = ChannelOf(schema).Reader;
        if (reader.TryRead(out _))
        {
            return;
        }

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await reader.ReadAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Poll interval elapsed.
        }
    }

    // Capacity one: many wake-ups while the dispatcher is busy collapse into one more pass.
    private Channel<bool> ChannelOf(string schema) => _channels.GetOrAdd(schema, _ => Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = false }));
}
