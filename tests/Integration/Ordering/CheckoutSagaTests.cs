using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Modular.BuildingBlocks.Infrastructure.Messaging;
using Modular.BuildingBlocks.Infrastructure.Messaging.Priority;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Ordering;

[Collection(IntegrationCollection.Name)]
public sealed class CheckoutSagaTests(TestPlatform platform)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Far past the 30 s payment timeout (a deadline moved ahead then lies minutes out, beyond a slow broker restart),
    /// and inside the 5 min clock skew that access tokens allow.
    /// </summary>
    private static readonly TimeSpan PastTheDeadline = TimeSpan.FromMinutes(3);
    private readonly OrderingApi _api = new(platform.Host);

    [Fact]
    public async Task An_authorized_payment_makes_the_order_paid_and_an_admin_ships_it()
    {
        await using var payments = await PaymentsObserver.StartAsync(platform.Host.Services);
        var product = await _api.CreateProductAsync(stock: 10, price: 5_000);
        var orderId = await PlaceAsync(product, quantity: 2, OrderingApi.ApprovingCard);

        await Eventually.HoldsAsync(() => Task.FromResult(payments.AuthorizationAskedFor(orderId)), Patience, "the checkout asked Acquisition to authorize");
        var asked = payments.AuthorizationOf(orderId);
        asked.Amount.ShouldBe(10_000);
        asked.MerchantId.ShouldBe(await _api.MerchantAsync());

        await Eventually.HoldsAsync(async () => await StatusAsync(orderId) == "Paid", Patience, "Acquisition approved and the order is paid");
        using var admin = _api.Admin();
        var shipped = await admin.PostAsync($"/api/ordering/orders/{orderId}/ship", null);
        shipped.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await StatusAsync(orderId)).ShouldBe("Shipped");
        (await _api.StockAsync(product)).ShouldBe(8);
        await Eventually.HoldsAsync(async () => await CheckoutsOfAsync(orderId) == 0, Patience, "the checkout ends when shipped");
        payments.CancellationsOf(orderId).ShouldBe(0);
        var detail = await _api.ProjectedAsync(orderId, "Shipped");
        detail.Timeline.Select(entry => entry.Status).ShouldBe(["PendingPayment", "Paid", "Shipped"]);
        (await PaymentStatusAsync(orderId)).ShouldBe("Approved");
    }

    [Fact]
    public async Task A_declined_payment_cancels_the_order_and_returns_its_stock_exactly_once()
    {
        await using var payments = await PaymentsObserver.StartAsync(platform.Host.Services);
        var product = await _api.CreateProductAsync(stock: 10);
        // No look at the stock here: the decline may come back, and the stock with it, before the first read.
        var orderId = await PlaceAsync(product, quantity: 3, OrderingApi.DecliningCard);
        await Eventually.HoldsAsync(() => Task.FromResult(payments.AuthorizationAskedFor(orderId)), Patience, "authorization asked");

        await Eventually.HoldsAsync(async () => await StatusAsync(orderId) == "Cancelled", Patience, "Acquisition declined and the order is cancelled");
        // The same request again (a redelivered AuthorizePayment): Acquisition answers the first decline a second time.
        await payments.RepeatAuthorizationAsync(orderId);
        await Eventually.HoldsAsync(() => Task.FromResult(payments.DeclinesOf(orderId) == 2), Patience, "the decline answered twice");

        (await CancelReasonAsync(orderId)).ShouldBe("payment.declined");
        (await _api.ProjectedAsync(orderId, "Cancelled")).Timeline.Last().Reason.ShouldBe("payment.declined");
        // The checkout consumed the second decline too (it reached the observer, so it was in the checkout's queue as well).
        await MessageFlow.SettledAsync(platform.Broker, _api.Database, "acquisition", "ordering");
        (await _api.StockAsync(product)).ShouldBe(10, "3 taken by the order and returned once");
        using var admin = _api.Admin();
        (await admin.PostAsync($"/api/ordering/orders/{orderId}/ship", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task No_answer_before_the_deadline_cancels_the_order_and_a_late_approval_is_cancelled()
    {
        await using var payments = await PaymentsObserver.StartAsync(platform.Host.Services);
        var product = await _api.CreateProductAsync(stock: 5);
        var orderId = await PlaceAsync(product, quantity: 1, OrderingApi.SilentCard);
        await Eventually.HoldsAsync(() => Task.FromResult(payments.AuthorizationAskedFor(orderId)), Patience, "authorization asked");

        // The host's clock passes the checkout's deadline (the payment timeout is 30 s).
        using (platform.Host.Clock.Advance(PastTheDeadline))
        {
            await Eventually.HoldsAsync(async () => await StatusAsync(orderId) == "Cancelled", Patience, "the timeout worker cancelled the order");
        }

        (await CancelReasonAsync(orderId)).ShouldBe("payment.timeout");
        (await _api.ProjectedAsync(orderId, "Cancelled")).Timeline.Last().Reason.ShouldBe("payment.timeout");
        (await _api.StockAsync(product)).ShouldBe(5);

        await payments.ApproveLateAsync(orderId);

        await Eventually.HoldsAsync(() => Task.FromResult(payments.CancellationsOf(orderId) == 1), Patience, "the late approval is voided with CancelPayment");
        (await StatusAsync(orderId)).ShouldBe("Cancelled");
        (await _api.StockAsync(product)).ShouldBe(5);
    }

    [Theory]
    [InlineData(BrokerOutage.Stopped)]
    [InlineData(BrokerOutage.Frozen)]
    public async Task Deadlines_passing_while_the_payment_requests_wait_in_the_outbox_cancel_no_order_and_each_is_paid_once(BrokerOutage outage)
    {
        // A host of its own on a broker of its own: no other host may deliver or time out what the outage holds back.
        var (broker, settings) = await platform.IsolatedHostAsync();
        await using var host = new ModularHostFactory(settings);
        var api = new OrderingApi(host);
        var product = await api.CreateProductAsync(stock: 60);
        var orders = new List<Guid>();
        await using (await broker.BeginOutageAsync(outage))
        {
            for (var i = 0; i < 50; i++)
            {
                orders.Add(await PlaceAsync(api, product, quantity: 1, OrderingApi.ApprovingCard));
            }

            // The outage outlasts the payment timeout: the deadlines pass while AuthorizePayment cannot leave the outbox.
            using (host.Clock.Advance(PastTheDeadline))
            {
                await Eventually.HoldsAsync(async () => await DeadlinesDueByAsync(api, orders, host.Clock.GetUtcNow()) == 0, Patience,
                    "the timeout worker looked at every deadline and moved it ahead instead of cancelling");
            }

            (await api.Database.ScalarAsync<long>("SELECT count(*) FROM ordering.orders WHERE id = ANY($1) AND status <> 'PendingPayment'", orders.ToArray()))
                .ShouldBe(0);
            (await api.Database.ScalarAsync<long>(
                "SELECT count(*) FROM ordering.outbox_messages WHERE message_type LIKE '%CheckoutPaymentTimedOut%'")).ShouldBe(0);
        }

        await Eventually.HoldsAsync(
            async () => await api.Database.ScalarAsync<long>("SELECT count(*) FROM ordering.orders WHERE id = ANY($1) AND status = 'Paid'", orders.ToArray()) == orders.Count,
            TimeSpan.FromSeconds(90), "once the broker is back the requests leave and the approvals pay every order");
        await MessageFlow.SettledAsync(broker, api.Database, "acquisition", "ordering");
        (await api.StockAsync(product)).ShouldBe(10);
        (await api.Database.ScalarAsync<long>("SELECT count(*) FROM acquisition.payment_transactions WHERE reference = ANY($1)", orders.ToArray()))
            .ShouldBe(orders.Count, "one payment per order");
        (await api.Database.ScalarAsync<long>("SELECT count(*) FROM ordering.orders WHERE id = ANY($1) AND status = 'Paid'", orders.ToArray()))
            .ShouldBe(orders.Count);
    }

    [Fact]
    public async Task A_shopper_cancels_a_paid_order_the_stock_returns_and_the_payment_is_cancelled()
    {
        await using var payments = await PaymentsObserver.StartAsync(platform.Host.Services);
        var product = await _api.CreateProductAsync(stock: 4);
        var customerId = Guid.CreateVersion7();
        var orderId = await PlaceAsync(product, quantity: 4, OrderingApi.ApprovingCard, customerId);
        await Eventually.HoldsAsync(async () => await StatusAsync(orderId) == "Paid", Patience, "Acquisition approved and the order is paid");
        using var stranger = _api.Customer();
        (await stranger.PostAsync($"/api/ordering/orders/{orderId}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var customer = _api.Customer(customerId);
        var cancelled = await customer.PostAsync($"/api/ordering/orders/{orderId}/cancel", null);

        cancelled.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _api.StockAsync(product)).ShouldBe(4);
        await Eventually.HoldsAsync(() => Task.FromResult(payments.CancellationsOf(orderId) == 1), Patience, "the payment is cancelled");
        await Eventually.HoldsAsync(async () => await PaymentStatusAsync(orderId) == "Canceled", Patience, "Acquisition voided the payment");
        var again = await customer.PostAsync($"/api/ordering/orders/{orderId}/cancel", null);
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var detail = await _api.ProjectedAsync(orderId, "Cancelled");
        detail.Timeline.Select(entry => entry.Status).ShouldBe(["PendingPayment", "Paid", "Cancelled"]);
        detail.Timeline.Last().Reason.ShouldBe("shopper.cancelled");
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("ordering.not_cancellable");
        (await _api.StockAsync(product)).ShouldBe(4);
    }

    [Fact]
    public async Task A_shopper_cancel_while_the_payment_is_pending_voids_the_approval_that_follows()
    {
        await using var payments = await PaymentsObserver.StartAsync(platform.Host.Services);
        var product = await _api.CreateProductAsync(stock: 4);
        var customerId = Guid.CreateVersion7();
        var orderId = await PlaceAsync(product, quantity: 1, OrderingApi.SilentCard, customerId);
        await Eventually.HoldsAsync(() => Task.FromResult(payments.AuthorizationAskedFor(orderId)), Patience, "authorization asked");
        using var customer = _api.Customer(customerId);

        (await customer.PostAsync($"/api/ordering/orders/{orderId}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Eventually.HoldsAsync(() => Task.FromResult(payments.CancellationsOf(orderId) == 1), Patience, "the pending payment is cancelled");
        await payments.ApproveLateAsync(orderId);

        await Eventually.HoldsAsync(() => Task.FromResult(payments.CancellationsOf(orderId) == 2), Patience, "the approval that came after is voided too");
        (await StatusAsync(orderId)).ShouldBe("Cancelled");
        (await _api.StockAsync(product)).ShouldBe(4);
    }

    [Fact]
    public async Task During_a_burst_the_requests_come_first_and_payments_still_go_through()
    {
        var gate = platform.Host.Services.GetRequiredService<BackgroundGate>();
        var busyAt = platform.Host.Services.GetRequiredService<IOptions<MessagingOptions>>().Value.YieldToRequestsInFlight;
        var product = await _api.CreateProductAsync(stock: 5);
        using var slowClient = _api.Customer();
        await using (StalledRequests.Start(slowClient, "/api/ordering/orders", busyAt))
        {
            await Eventually.HoldsAsync(async () => await BackgroundYieldsAsync(gate), Patience,
                "requests in flight at the threshold make background work wait for a slot");

            var orderId = await PlaceAsync(product, quantity: 1, OrderingApi.ApprovingCard);

            await Eventually.HoldsAsync(async () => await StatusAsync(orderId) == "Paid", Patience,
                "the checkout still runs, one unit of work at a time, while the burst lasts");
            (await BackgroundYieldsAsync(gate)).ShouldBeTrue("the burst was still on when the order was paid");
        }

        await Eventually.HoldsAsync(async () => !await BackgroundYieldsAsync(gate), Patience, "the burst is over: background work runs freely again");
        (await _api.StockAsync(product)).ShouldBe(4);
    }

    private Task<Guid> PlaceAsync(Guid product, int quantity, string cardToken, Guid? customerId = null) =>
        PlaceAsync(_api, product, quantity, cardToken, customerId);

    private static async Task<Guid> PlaceAsync(OrderingApi api, Guid product, int quantity, string cardToken, Guid? customerId = null)
    {
        using var customer = api.Customer(customerId);
        var response = await OrderingApi.PlaceWithCardAsync(customer, null, cardToken, (product, quantity));
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<bool> BackgroundYieldsAsync(BackgroundGate gate)
    {
        using var pass = await gate.EnterAsync(CancellationToken.None);
        return pass.WhileBusy;
    }

    private Task<string> StatusAsync(Guid orderId) => _api.Database.ScalarAsync<string>("SELECT status FROM ordering.orders WHERE id = $1", orderId);

    private Task<string> CancelReasonAsync(Guid orderId) => _api.Database.ScalarAsync<string>("SELECT cancel_reason FROM ordering.orders WHERE id = $1", orderId);

    private Task<string> PaymentStatusAsync(Guid orderId) => _api.Database.ScalarAsync<string>(
        "SELECT coalesce((SELECT status FROM acquisition.payment_transactions WHERE reference = $1), 'none')", orderId);

    private static Task<long> DeadlinesDueByAsync(OrderingApi api, List<Guid> orders, DateTimeOffset moment) => api.Database.ScalarAsync<long>(
        "SELECT count(*) FROM ordering.checkout_states WHERE correlation_id = ANY($1) AND payment_deadline <= $2", orders.ToArray(), moment.UtcDateTime);

    private Task<long> CheckoutsOfAsync(Guid orderId) => _api.Database.ScalarAsync<long>("SELECT count(*) FROM ordering.checkout_states WHERE correlation_id = $1", orderId);
}
