using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Modular.Tests.Integration.Support;
using Modular.Tests.Probe;

namespace Modular.Tests.Integration.Messaging;

[Collection(IntegrationCollection.Name)]
public sealed class IdempotencyTests(TestPlatform platform)
{
    [Fact]
    public async Task The_same_message_delivered_twice_has_one_effect()
    {
        await using var host = await ProbeHost.StartAsync(platform.Settings);
        var effects = ProbeEffects.Open(platform);
        var pingId = Guid.CreateVersion7();
        var messageId = NewId.NextGuid();

        await PublishWithIdAsync(host, new PingRecorded(pingId, "once"), messageId);
        await Eventually.HoldsAsync(async () => await effects.ForAsync(pingId) == 1, TimeSpan.FromSeconds(15), "first delivery applied");
        await PublishWithIdAsync(host, new PingRecorded(pingId, "once"), messageId);
        var marker = Guid.CreateVersion7();
        await PublishWithIdAsync(host, new PingRecorded(marker, "after"), NewId.NextGuid());
        await Eventually.HoldsAsync(async () => await effects.ForAsync(marker) == 1, TimeSpan.FromSeconds(15), "a later message was applied");

        (await effects.ForAsync(pingId)).ShouldBe(1);
    }

    [Fact]
    public async Task The_same_message_delivered_twice_concurrently_has_one_effect()
    {
        await using var host = await ProbeHost.StartAsync(platform.Settings);
        var effects = ProbeEffects.Open(platform);
        var pings = Enumerable.Range(0, 20).Select(_ => (PingId: Guid.CreateVersion7(), MessageId: NewId.NextGuid())).ToList();

        // Each message goes out twice at once; consumers run concurrently, so the copies race inside the inbox.
        await Task.WhenAll(pings.SelectMany(ping => new[]
        {
            PublishWithIdAsync(host, new PingRecorded(ping.PingId, "twice"), ping.MessageId),
            PublishWithIdAsync(host, new PingRecorded(ping.PingId, "twice"), ping.MessageId),
        }));

        var ids = pings.Select(ping => ping.PingId).ToList();
        await Eventually.HoldsAsync(async () => await effects.EffectsOfAsync(ids) >= ids.Count, TimeSpan.FromSeconds(15), "every ping applied");
        // A second copy still in the queue could add an effect later: count once every copy was consumed.
        await MessageFlow.SettledAsync(platform.Broker, effects.Database, "probe");
        (await effects.PingsWithMoreThanOneEffectAsync(ids)).ShouldBe(0);
        (await effects.EffectsOfAsync(ids)).ShouldBe(ids.Count);
    }

    // Deliberately bypasses the outbox: this plays the broker redelivering one message id.
    private static Task PublishWithIdAsync(ProbeHost host, PingRecorded message, Guid messageId) =>
        host.Services.GetRequiredService<IBus>().Publish(message, context => context.MessageId = messageId);
}
