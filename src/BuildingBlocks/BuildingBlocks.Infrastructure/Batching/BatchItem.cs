namespace Modular.BuildingBlocks.Infrastructure.Batching;

/// <summary>One request waiting in a <see cref="CoalescingBatcher{TItem,TOutcome}"/>; its caller awaits <see cref="Completion"/>.</summary>
public abstract class BatchItem<TOutcome>
{
    public TaskCompletionSource<TOutcome> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Items with the same key (e.g. caller and Idempotency-Key) never share a batch's statements: a later one waits for
    /// the first one's outcome. Null: no such key.
    /// </summary>
    public abstract object? CoalesceKey { get; }
}
