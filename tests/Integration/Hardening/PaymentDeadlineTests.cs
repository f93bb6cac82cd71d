using Microsoft.Extensions.DependencyInjection;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.Security;
using Modular.Tests.Integration.Ordering;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Hardening;

/// <summary>
/// The platform's own delays (a broker outage, a crashed Host) must not cancel orders for "no answer from the card
/// network" (issue 17, item 7): the card would have approved every one of these orders.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class PaymentDeadlineTests(TestPlatform platform)
{
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(250);

    /// <summary>Twice the 30 s payment timeout: every deadline of an order placed just before or during it passes while the broker is away.</summary>
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_60_s_broker_outage_with_orders_flowing_cancels_no_order_and_each_is_paid_once()
    {
        var (broker, settings) = await platform.IsolatedHostAsync();
        await using var host = new ModularHostFactory(settings);
        var api = new OrderingApi(host);
        var product = await api.CreateProductAsync(stock: 1_000);
        using var customer = api.Customer();

        var orders = await OrderFlow.PlaceForAsync(customer, product, TimeSpan.FromSeconds(5), Pace);
        await using (await broker.BeginOutageAsync(BrokerOutage.Stopped))
        {
            orders.AddRange(await OrderFlow.PlaceForAsync(customer, product, Outage, Pace));
        }

        orders.AddRange(await OrderFlow.PlaceForAsync(customer, product, TimeSpan.FromSeconds(5), Pace));
        var outcomes = new CheckoutOutcomes(api.Database, orders);
        await Eventually.HoldsAsync(async () => await outcomes.StillPendingAsync() == 0, TimeSpan.FromSeconds(120),
            "every order is paid or cancelled once the broker is back");
        await MessageFlow.SettledAsync(broker, api.Database, "acquisition", "ordering");
        await outcomes.ShouldAllBePaidOnceAsync();
    }

    [Fact]
    public async Task A_Host_killed_during_authorization_and_restarted_cancels_no_order_and_each_is_paid_once()
    {
        var (_, settings) = await platform.IsolatedHostAsync();
        var slowNetwork = settings
            .Append(new("Acquisition:CardNetwork:MinLatencyMs", "3000"))
            .Append(new("Acquisition:CardNetwork:MaxLatencyMs", "4000"))
            .ToDictionary();
        Guid product;
        string customerToken;
        await using (var setup = new ModularHostFactory(settings))
        {
            product = await new OrderingApi(setup).CreateProductAsync(stock: 100);
            customerToken = setup.Services.GetRequiredService<AccessTokenIssuer>()
                .Issue(Guid.CreateVersion7(), null, "shopper@deadlines.test", [Roles.Customer]).Token;
        }

        await using var database = new TestDatabase(TestPlatform.ServicesOf(settings));
        List<Guid> orders;
        await using (var crashing = await HostProcess.StartAsync(slowNetwork))
        {
            using var customer = crashing.CreateClient();
            customer.DefaultRequestHeaders.Authorization = new("Bearer", customerToken);
            orders = [.. await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => OrderFlow.PlaceAsync(customer, product)))];
            await Eventually.HoldsAsync(async () => await database.ScalarAsync<long>(
                    "SELECT count(*) FROM acquisition.payment_transactions WHERE reference = ANY($1) AND status = 'Pending' AND leased_until > now()",
                    orders.ToArray()) == orders.Count,
                TimeSpan.FromSeconds(60), "the card network is being asked about every order");
            await crashing.KillAsync();
        }

        (await database.ScalarAsync<long>("SELECT count(*) FROM acquisition.payment_transactions WHERE reference = ANY($1) AND status <> 'Pending'",
            orders.ToArray())).ShouldBe(0, "the Host died before any answer was recorded");
        await using var restarted = await HostProcess.StartAsync(slowNetwork);
        var outcomes = new CheckoutOutcomes(database, orders);
        await Eventually.HoldsAsync(async () => await outcomes.StillPendingAsync() == 0, TimeSpan.FromSeconds(120),
            $"every order is paid or cancelled after the restart\n{restarted.OutputTail}");
        await outcomes.ShouldAllBePaidOnceAsync();
    }
}
