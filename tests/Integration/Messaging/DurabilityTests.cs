using Modular.Tests.Integration.Support;
using Modular.Tests.Probe;

namespace Modular.Tests.Integration.Messaging;

[Collection(IntegrationCollection.Name)]
public sealed class DurabilityTests(TestPlatform platform)
{
    [Fact]
    public async Task With_the_broker_stopped_commands_succeed_and_are_delivered_once_after_it_returns()
    {
        await using var host = await ProbeHost.StartAsync(platform.Settings);
        var effects = ProbeEffects.Open(platform);
        var pings = Enumerable.Range(0, 50).Select(_ => Guid.CreateVersion7()).ToList();

        await platform.Broker.StopAsync();
        try
        {
            foreach (var pingId in pings)
            {
                await host.SendAsync(new RecordPing(pingId, "during outage"));
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
            (await effects.EffectsOfAsync(pings)).ShouldBe(0, "nothing can be consumed while the broker is down");
        }
        finally
        {
            await platform.Broker.StartAsync();
        }

        await Eventually.HoldsAsync(async () => await effects.EffectsOfAsync(pings) == pings.Count, TimeSpan.FromSeconds(60),
            "every ping is applied once the broker is back");
        (await effects.PingsWithMoreThanOneEffectAsync(pings)).ShouldBe(0);
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
