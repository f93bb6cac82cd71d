using Npgsql;

namespace Modular.BuildingBlocks.Infrastructure.Batching;

/// <summary>
/// The rule for every batched path: an item that fails is set apart, and the others commit. A batch whose work fails
/// for anything but a transient fault (a lost connection, a timeout, a deadlock or serialization conflict: those fail
/// the whole batch, to be retried as it is) is split in halves, each run on its own (its own transaction), down to the
/// lone item that fails; only that one is handed to <c>setApart</c>. One poison item costs log2(batch) extra rounds.
/// </summary>
public static class BatchIsolation
{
    /// <param name="run">Does the work of the items given, all or nothing (one transaction).</param>
    /// <param name="setApart">Deals with an item that failed alone (dead-letters it, fails its caller).</param>
    public static async Task RunAsync<T>(IReadOnlyList<T> items, Func<IReadOnlyList<T>, Task> run, Func<T, Exception, Task> setApart)
    {
        try
        {
            await run(items);
        }
        catch (Exception exception) when (!IsTransient(exception))
        {
            if (items.Count == 1)
            {
                await setApart(items[0], exception);
                return;
            }

            var half = items.Count / 2;
            await RunAsync(items.Take(half).ToList(), run, setApart);
            await RunAsync(items.Skip(half).ToList(), run, setApart);
        }
    }

    /// <summary>A fault of the moment, not of an item: running the items apart would fail the same way.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        OperationCanceledException or TimeoutException => true,
        PostgresException postgres => postgres.IsTransient,
        NpgsqlException npgsql => npgsql.IsTransient,
        _ => exception.InnerException is { } inner && IsTransient(inner),
    };
}
