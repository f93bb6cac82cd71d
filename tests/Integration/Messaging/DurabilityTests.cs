using Modular.Tests.Integration.Support;
using Modular.Tests.Probe;

namespace Modular.Tests.Integration.Messaging;

[Collection(IntegrationCollection.Name)]
public sealed class DurabilityTests(TestPlatform platform)
{
    [Theory]
    [InlineData(BrokerOutage.Stopped)]
    [InlineData(BrokerOutage.Frozen)]
    public async Task During_a_broker_outage_50_commands_succeed_and_each_has_exactly_one_effect_after_it_returns(BrokerOutage outage)
    {
        var (broker, settings) = await platform.IsolatedHostAsync();
        await using var host = await ProbeHost.StartAsync(settings);
        var effects = ProbeEffects.Open(settings);
        var pings = Enumerable.Range(0, 50).Select(_ => Guid.CreateVersion7()).ToList();

        await using (await broker.BeginOutageAsync(outage))
        {
            foreach (var pingId in pings)
            {
                await host.SendAsync(new RecordPing(pingId, $"during the outage ({outage})"));
            }

            // Nothing can be consumed while the broker is out: every command's message waits in the outbox.
            (await effects.EffectsOfAsync(pings)).ShouldBe(0);
            (await effects.PendingInOutboxAsync(pings)).ShouldBe(pings.Count);
        }

        await Eventually.HoldsAsync(async () => await effects.EffectsOfAsync(pings) == pings.Count, TimeSpan.FromSeconds(90),
            "every ping is applied once the broker is back");
        await MessageFlow.SettledAsync(broker, effects.Database, "probe");
        (await effects.PingsWithMoreThanOneEffectAsync(pings)).ShouldBe(0);
        (await effects.EffectsOfAsync(pings)).ShouldBe(pings.Count);
    }

    [Fact]
    public async Task A_host_disposed_after_commit_but_before_delivery_leaves_the_message_for_the_next_host()
    {
        var effects = ProbeEffects.Open(platform);
        var pingId = Guid.CreateVersion7();

        // This instance commits but never gets to deliver (its dispatcher is off), then goes away.
        await using (var crashed = await ProbeHost.StartAsync(platform.Settings, new Dictionary<string, string?> { ["Messaging:DispatchOutbox"] = "false" }))
        {
            await crashed.SendAsync(new RecordPing(pingId, "committed, never delivered"));
        }

        (await effects.PendingInOutboxAsync(pingId)).ShouldBe(1, "the committed message waits in the outbox");

        await using var next = await ProbeHost.StartAsync(platform.Settings);
        await Eventually.HoldsAsync(async () => await effects.ForAsync(pingId) == 1, TimeSpan.FromSeconds(30), "the next host delivered it");
        (await effects.PendingInOutboxAsync(pingId)).ShouldBe(0);
    }
}
