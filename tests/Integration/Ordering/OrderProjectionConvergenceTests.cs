using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Modular.Ordering.Contracts;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Ordering;

/// <summary>
/// Order events delivered out of order and concurrently to two hosts (competing consumers on the same queues): the
/// document each order ends with is the state its events say, whatever order they were applied in.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class OrderProjectionConvergenceTests(TestPlatform platform)
{
    private readonly OrderingApi _api = new(platform.Host);

    [Fact]
    public async Task Five_hundred_orders_whose_outcome_arrives_before_or_with_their_placement_on_two_hosts_all_end_in_their_final_state()
    {
        await using var secondHost = new ModularHostFactory(platform.Settings);
        var orders = Enumerable.Range(0, 500).Select(index => new SyntheticOrder(Guid.CreateVersion7(), Paid: index % 2 == 0)).ToList();
        var placedAt = DateTimeOffset.UtcNow.AddSeconds(-10);
        var outcomes = orders.Select(order => order.Paid
            ? (object)new OrderPaid(order.Id, Guid.CreateVersion7(), placedAt.AddSeconds(1))
            : new OrderCancelled(order.Id, "payment.declined", placedAt.AddSeconds(1)));
        var placements = orders.Select(order => new OrderPlaced(
            order.Id, Guid.CreateVersion7(), Guid.CreateVersion7(), OrderingApi.Organization, 5_000, [new OrderPlacedLine(Guid.CreateVersion7(), 1, 5_000)], placedAt));

        // The outcomes go first, from one host, while the other publishes the placements: batches of both kinds for
        // the same orders run at once on both hosts.
        var firstBus = platform.Host.Services.GetRequiredService<IBus>();
        var secondBus = secondHost.Services.GetRequiredService<IBus>();
        var outcomesSent = Task.Run(async () =>
        {
            foreach (var outcome in outcomes)
            {
                await firstBus.Publish(outcome);
            }
        });
        var placementsSent = Task.Run(async () =>
        {
            foreach (var placement in placements.Reverse())
            {
                await secondBus.Publish(placement);
            }
        });
        await Task.WhenAll(outcomesSent, placementsSent);

        foreach (var order in orders)
        {
            var view = await _api.ProjectedAsync(order.Id, order.Paid ? "Paid" : "Cancelled");
            view.Total.ShouldBe(5_000);
            view.Timeline.Select(entry => entry.Status).ShouldBe(["PendingPayment", order.Paid ? "Paid" : "Cancelled"]);
        }
    }

    private sealed record SyntheticOrder(Guid Id, bool Paid);
}
