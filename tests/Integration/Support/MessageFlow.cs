namespace Modular.Tests.Integration.Support;

/// <summary>Waits until nothing more can happen in a set of modules, before asserting that something did not happen.</summary>
public static class MessageFlow
{
    /// <summary>
    /// Every message of <paramref name="modules"/> is delivered and consumed: their outboxes hold no pending row and no
    /// queue of the broker (error queues aside) a message, ready or unacknowledged (a consumer acknowledges after its
    /// transaction committed). Test observers' queues count too: what they will still receive is on its way.
    /// </summary>
    public static Task SettledAsync(BrokerContainer broker, TestDatabase database, params string[] modules) =>
        Eventually.HoldsAsync(async () =>
        {
            foreach (var module in modules)
            {
                if (await database.ScalarAsync<long>($"SELECT count(*) FROM {module}.outbox_messages WHERE dead_lettered_at IS NULL") > 0)
                {
                    return false;
                }
            }

            var depths = await broker.QueueDepthsAsync();
            return !depths.Any(queue => !queue.Key.EndsWith("_error", StringComparison.Ordinal)
                                        && !queue.Key.EndsWith("_skipped", StringComparison.Ordinal)
                                        && queue.Value > 0);
        }, TimeSpan.FromSeconds(60), $"the messages of {string.Join(", ", modules)} are all delivered and consumed");
}
