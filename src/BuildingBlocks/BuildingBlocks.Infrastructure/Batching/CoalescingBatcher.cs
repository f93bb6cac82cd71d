using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Modular.BuildingBlocks.Infrastructure.Batching;

/// <summary>
/// "Requests first" write coalescing for a hot row: requests are queued to one worker per process that takes everything
/// queued while the previous batch was in the database (up to <paramref name="maxBatchSize"/>) and settles it in ONE
/// transaction (<see cref="SettleAsync"/>), so a hot row is locked once per batch instead of once per request until its
/// commit. A deadlock or serialization failure retries the batch; when the database refuses a statement for one item,
/// the batch is rolled back and its halves are settled apart, so that item fails alone and the rest commit.
/// </summary>
public abstract class CoalescingBatcher<TItem, TOutcome>(ILogger logger, int maxBatchSize) : BackgroundService
    where TItem : BatchItem<TOutcome>
{
    private const int MaxAttempts = 3;
    private readonly Channel<TItem> _queue = Channel.CreateUnbounded<TItem>(new UnboundedChannelOptions { SingleReader = true });

    public Task<TOutcome> EnqueueAsync(TItem item)
    {
        if (!_queue.Writer.TryWrite(item))
        {
            throw new InvalidOperationException("The batcher is stopped.");
        }

        return item.Completion.Task;
    }

    /// <summary>Settles the items in one transaction and returns each one's outcome; throws to undo all of it.</summary>
    protected abstract Task<IReadOnlyDictionary<TItem, TOutcome>> SettleAsync(List<TItem> items);

    /// <summary>The outcome of an item that waited for an earlier one with the same <see cref="BatchItem{TOutcome}.CoalesceKey"/>.</summary>
    protected abstract TOutcome FollowerOutcome(TItem follower, TItem leader, TOutcome leaderOutcome);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<TItem>(maxBatchSize);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < maxBatchSize && _queue.Reader.TryRead(out var item))
                {
                    batch.Add(item);
                }

                // The batch in flight finishes even when the host stops: its callers are waiting for the outcome.
                await ProcessAsync(batch);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _queue.Writer.TryComplete();
            while (_queue.Reader.TryRead(out var item))
            {
                item.Completion.TrySetException(new OperationCanceledException("The host is stopping."));
            }
        }
    }

    private async Task ProcessAsync(List<TItem> batch)
    {
        var leaders = new List<TItem>(batch.Count);
        var byKey = new Dictionary<object, TItem>();
        foreach (var item in batch)
        {
            if (item.CoalesceKey is { } key && byKey.TryGetValue(key, out var leader))
            {
                _ = AnswerLikeLeaderAsync(item, leader);
                continue;
            }

            if (item.CoalesceKey is { } firstKey)
            {
                byKey[firstKey] = item;
            }

            leaders.Add(item);
        }

        await SettleOrSplitAsync(leaders);
    }

    private async Task SettleOrSplitAsync(List<TItem> items)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var outcomes = await SettleAsync(items);
                foreach (var item in items)
                {
                    item.Completion.TrySetResult(outcomes[item]);
                }

                return;
            }
            catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure
                                                      && attempt < MaxAttempts)
            {
                logger.LogInformation("Batch of {Count} retried after {SqlState}", items.Count, exception.SqlState);
            }
            catch (PostgresException exception) when (items.Count > 1)
            {
                logger.LogWarning("Batch of {Count} refused ({SqlState}); its halves are retried apart", items.Count, exception.SqlState);
                await SettleOrSplitAsync(items[..(items.Count / 2)]);
                await SettleOrSplitAsync(items[(items.Count / 2)..]);
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Batch of {Count} failed", items.Count);
                foreach (var item in items)
                {
                    item.Completion.TrySetException(exception);
                }

                return;
            }
        }
    }

    private async Task AnswerLikeLeaderAsync(TItem follower, TItem leader)
    {
        try
        {
            follower.Completion.TrySetResult(FollowerOutcome(follower, leader, await leader.Completion.Task));
        }
        catch (Exception exception)
        {
            follower.Completion.TrySetException(exception);
        }
    }
}
