using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Messaging;

/// <summary>Reads what the probe module's consumers did, straight from its tables.</summary>
public sealed class ProbeEffects(TestDatabase database)
{
    public TestDatabase Database => database;

    public static ProbeEffects Open(TestPlatform platform) => Open(platform.Settings);

    /// <summary>Reads the database that the services.env keys <paramref name="services"/> point at.</summary>
    public static ProbeEffects Open(IReadOnlyDictionary<string, string> services) => new(new TestDatabase(TestPlatform.ServicesOf(services)));

    public Task<long> ForAsync(Guid pingId) =>
        database.ScalarAsync<long>("SELECT coalesce(sum(applications), 0)::bigint FROM probe_read.mt_doc_pingdocument WHERE id = $1", pingId);

    public Task<long> PendingInOutboxAsync(Guid pingId) =>
        database.ScalarAsync<long>("SELECT count(*) FROM probe.outbox_messages WHERE body LIKE '%' || $1 || '%'", pingId.ToString());

    public Task<long> PendingInOutboxAsync(IEnumerable<Guid> pingIds) =>
        database.ScalarAsync<long>(
            "SELECT count(*) FROM probe.outbox_messages o WHERE EXISTS (SELECT FROM unnest($1::text[]) AS p(id) WHERE o.body LIKE '%' || p.id || '%')",
            (object)pingIds.Select(pingId => pingId.ToString()).ToArray());

    public Task<long> EffectsOfAsync(IEnumerable<Guid> pingIds) =>
        database.ScalarAsync<long>("SELECT coalesce(sum(applications), 0)::bigint FROM probe_read.mt_doc_pingdocument WHERE id = ANY($1)", pingIds.ToArray());

    public Task<long> PingsWithMoreThanOneEffectAsync(IEnumerable<Guid> pingIds) =>
        database.ScalarAsync<long>(
            "SELECT count(*) FROM probe_read.mt_doc_pingdocument WHERE id = ANY($1) AND applications > 1",
            pingIds.ToArray());

    /// <summary>Inbox rows of a consumer for a message id: 0 after a rolled-back attempt, 1 once applied.</summary>
    public Task<long> InboxRowsAsync(Guid messageId) =>
        database.ScalarAsync<long>("SELECT count(*) FROM probe.inbox_messages WHERE message_id = $1", messageId);

    public Task<long> CounterReachedAsync(Guid counterId) =>
        database.ScalarAsync<long>("SELECT coalesce(max(count), 0)::bigint FROM probe.counter_reached WHERE counter_id = $1", counterId);

    public Task<long> CounterInstancesAsync(Guid counterId) =>
        database.ScalarAsync<long>("SELECT count(*) FROM probe.counter_states WHERE correlation_id = $1", counterId);
}
