namespace Modular.Tests.Integration.Support;

/// <summary>Waits until nothing more can happen in a set of modules, before asserting that something did not happen.</summary>
public static class MessageFlow
{
    /// <summary>
    /// Every message of <paramref name="modules"/> is delivered and consumed: their outboxes hold no pending row and no
    /// queue of the broker (error queues aside) a message, ready or unacknowledged (a consumer acknowledges after its
    /// transaction committed). Test observers' queues count too: what they will still receive is on its way.
    /// </summary>
    public static async Task SettledAsync(BrokerContainer broker, TestDatabase database, params string[] modules)
    {
        var unsettled = "";
        try
        {
            await Eventually.HoldsAsync(async () =>
            {
                foreach (var module in modules)
                {
                    var pending = await database.ScalarAsync<long>($"SELECT count(*) FROM {module}.outbox_messages WHERE dead_lettered_at IS NULL");
                    if (pending > 0)
                    {
                        unsettled = $"{pending} rows in {module}'s outbox";
                        return false;
                    }
                }

                var busy = (await broker.QueueDepthsAsync())
                    .Where(queue => !queue.Key.EndsWith("_error", StringComparison.Ordinal) && !queue.Key.EndsWith("_skipped", StringComparison.Ordinal) && queue.Value > 0)
                    .Select(queue => $"{queue.Key}: {queue.Value}")
                    .ToList();
                unsettled = string.Join(", ", busy);
                return busy.Count == 0;
            }, TimeSpan.FromSeconds(60), $"the messages of {string.Join(", ", modules)} are all delivered and consumed");
        }
        catch (TimeoutException timeout)
        {
            throw new TimeoutException($"{timeout.Message} (still: {unsettled})", timeout);
        }
    }
}
