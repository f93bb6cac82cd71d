using System.Net;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Funding;

/// <summary>A launch's pledges against a broker that goes away, and against the database's connection limit.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class PledgeResilienceTests(TestPlatform platform)
{
    private static readonly TimeSpan PastTheDeadline = TimeSpan.FromMinutes(3);

    [Theory]
    [InlineData(BrokerOutage.Stopped)]
    [InlineData(BrokerOutage.Frozen)]
    public async Task Pledges_taken_while_the_broker_is_out_are_each_paid_once_after_it_returns_and_none_fails_for_the_outage(BrokerOutage outage)
    {
        // A host of its own on a broker of its own: no other host may deliver or time out what the outage holds back.
        var (broker, settings) = await platform.IsolatedHostAsync();
        await using var host = new ModularHostFactory(settings);
        var api = new FundingApi(host);
        var (project, tiers) = await api.OpenProjectAsync(goal: 10_000_000, tiers: [FundingApi.Tier(30_000, 60)]);
        var backers = Enumerable.Range(0, 50).Select(_ => api.Backer()).ToList();
        var pledges = new List<Guid>();
        await using (await broker.BeginOutageAsync(outage))
        {
            foreach (var backer in backers)
            {
                pledges.Add(await FundingApi.PledgedAsync(backer, project, tiers[0]));
            }

            // The outage outlasts the payment timeout: the deadlines pass while AuthorizePayment cannot leave the outbox.
            using (host.Clock.Advance(PastTheDeadline))
            {
                await Eventually.HoldsAsync(async () => await DeadlinesDueByAsync(api, pledges, host.Clock.GetUtcNow()) == 0, FundingApi.Patience,
                    "the timeout worker looked at every deadline and moved it ahead instead of failing the pledge");
            }

            (await api.Database.ScalarAsync<long>("SELECT count(*) FROM funding.pledges WHERE id = ANY($1) AND status <> 'Pending'", pledges.ToArray()))
                .ShouldBe(0);
        }

        await Eventually.HoldsAsync(async () => await api.PledgesAsync(project, "Completed") == pledges.Count, TimeSpan.FromSeconds(90),
            "once the broker is back the requests leave and the approvals complete every pledge");
        await MessageFlow.SettledAsync(broker, api.Database, "acquisition", "funding");
        (await api.Database.ScalarAsync<long>("SELECT count(*) FROM acquisition.payment_transactions WHERE reference = ANY($1)", pledges.ToArray()))
            .ShouldBe(pledges.Count, "one payment per pledge");
        (await api.ReservedAsync(tiers[0])).ShouldBe(pledges.Count);
        (await api.RaisedAsync(project)).ShouldBe(pledges.Count * 30_000L);
        (await api.BackersAsync(project)).ShouldBe(pledges.Count);
        backers.ForEach(backer => backer.Dispose());
    }

    [Fact]
    public async Task Five_hundred_concurrent_pledges_through_two_hosts_are_all_accepted_within_the_connection_budget()
    {
        var api = new FundingApi(platform.Host);
        await using var secondHost = new ModularHostFactory(platform.Settings);
        var second = new FundingApi(secondHost);
        var (project, tiers) = await api.OpenProjectAsync(goal: 1_000_000_000, tiers: [FundingApi.Tier(10_000, null)]);
        var backers = Enumerable.Range(0, 500).Select(index => index % 2 == 0 ? api.Backer() : second.Backer()).ToList();
        var maxConnections = await api.Database.ScalarAsync<int>("SELECT current_setting('max_connections')::int");
        using var sampling = new CancellationTokenSource();
        var peak = SamplePeakConnectionsAsync(api, sampling.Token);

        var answers = await Task.WhenAll(backers.Select(backer => FundingApi.PledgeAsync(backer, project, tiers[0])));
        await sampling.CancelAsync();

        answers.Where(answer => answer.StatusCode != HttpStatusCode.Accepted).Select(answer => answer.StatusCode).ShouldBeEmpty();
        (await peak).ShouldBeLessThan(maxConnections, "no connection was ever refused with \"too many clients\"");
        await Eventually.HoldsAsync(async () => await api.PledgesAsync(project, "Completed") == 500, TimeSpan.FromSeconds(60), "every pledge is paid");
        (await api.RaisedAsync(project)).ShouldBe(5_000_000);
        backers.ForEach(backer => backer.Dispose());
    }

    /// <summary>The most server connections seen while the burst runs (all hosts on the test database server).</summary>
    private static async Task<int> SamplePeakConnectionsAsync(FundingApi api, CancellationToken stop)
    {
        var peak = 0;
        while (!stop.IsCancellationRequested)
        {
            peak = Math.Max(peak, await api.Database.ScalarAsync<int>("SELECT count(*)::int FROM pg_stat_activity WHERE backend_type = 'client backend'"));
            await Task.Yield();
        }

        return peak;
    }

    private static Task<long> DeadlinesDueByAsync(FundingApi api, List<Guid> pledges, DateTimeOffset moment) => api.Database.ScalarAsync<long>(
        "SELECT count(*) FROM funding.pledge_states WHERE correlation_id = ANY($1) AND payment_deadline <= $2", pledges.ToArray(), moment.UtcDateTime);
}
