using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Modular.Tests.Integration.Support;
using Modular.Tests.Probe;

namespace Modular.Tests.Integration.Messaging;

[Collection(IntegrationCollection.Name)]
public sealed class SagaAndDeadLetterTests(TestPlatform platform)
{
    [Fact]
    public async Task A_hundred_concurrent_events_for_one_saga_instance_all_apply()
    {
        await using var host = await ProbeHost.StartAsync(platform.Settings);
        var effects = ProbeEffects.Open(platform);
        var errorsBefore = await platform.Broker.MessagesInAsync("probe-counter-state_error");
        var counterId = Guid.CreateVersion7();

        await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => host.SendAsync(new IncrementCounter(counterId, Target: 100))));

        await Eventually.HoldsAsync(async () => await effects.CounterReachedAsync(counterId) == 100, TimeSpan.FromSeconds(60),
            "the saga counted all 100 events and published CounterReached through its outbox");
        (await effects.CounterInstancesAsync(counterId)).ShouldBe(0, "the finished instance is removed");
        (await platform.Broker.MessagesInAsync("probe-counter-state_error")).ShouldBe(errorsBefore);
    }

    [Fact]
    public async Task A_consumer_that_always_throws_is_dead_lettered_after_its_attempts_while_others_flow()
    {
        await using var host = await ProbeHost.StartAsync(platform.Settings, new Dictionary<string, string?> { ["Messaging:ConsumeAttempts"] = "3" });
        var effects = ProbeEffects.Open(platform);
        var errorsBefore = await platform.Broker.MessagesInAsync("probe-doomed-ping_error");
        var doomed = Guid.CreateVersion7();
        var healthy = Guid.CreateVersion7();

        var doomedMessageId = NewId.NextGuid();
        await host.Services.GetRequiredService<IBus>().Publish(new DoomedPing(doomed), context => context.MessageId = doomedMessageId);
        await host.SendAsync(new RecordPing(healthy, "flows"));

        // At least: the shared error queue may also receive what an earlier, interrupted run left in the doomed queue.
        await Eventually.HoldsAsync(async () => await platform.Broker.MessagesInAsync("probe-doomed-ping_error") >= errorsBefore + 1, TimeSpan.FromSeconds(60),
            "the doomed message reached the error queue");
        host.Services.GetRequiredService<ProbeAttempts>().Of(doomed).ShouldBe(3);
        // Each attempt stored the ping's document before it threw: the rollback took the document and the inbox row with it.
        (await effects.ForAsync(doomed)).ShouldBe(0);
        (await effects.InboxRowsAsync(doomedMessageId)).ShouldBe(0);
        await Eventually.HoldsAsync(async () => await effects.ForAsync(healthy) == 1, TimeSpan.FromSeconds(15), "other messages still flow");
    }
}
