using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Ordering;

[Collection(IntegrationCollection.Name)]
public sealed class PlaceOrderTests(TestPlatform platform)
{
    private readonly OrderingApi _api = new(platform.Host);

    [Fact]
    public async Task Five_hundred_concurrent_orders_against_stock_100_accept_exactly_100()
    {
        var product = await _api.CreateProductAsync(stock: 100);
        var customers = Enumerable.Range(0, 500).Select(_ => _api.Customer()).ToList();

        var responses = await Task.WhenAll(customers.Select(customer => OrderingApi.PlaceAsync(customer, null, (product, 1))));

        responses.Count(response => response.StatusCode == HttpStatusCode.Created).ShouldBe(100);
        responses.Count(response => response.StatusCode == HttpStatusCode.Conflict).ShouldBe(400);
        (await _api.StockAsync(product)).ShouldBe(0);
        (await _api.SoldAsync(product)).ShouldBe(100);
        var refusal = await responses.First(response => response.StatusCode == HttpStatusCode.Conflict).Content.ReadFromJsonAsync<JsonElement>();
        refusal.GetProperty("code").GetString().ShouldBe("ordering.out_of_stock");
        refusal.GetProperty("shortLines")[0].GetProperty("productId").GetGuid().ShouldBe(product);
    }

    [Fact]
    public async Task Five_hundred_concurrent_orders_through_two_hosts_on_one_database_accept_exactly_100()
    {
        await using var secondHost = new ModularHostFactory(platform.Settings);
        var second = new OrderingApi(secondHost);
        var product = await _api.CreateProductAsync(stock: 100);
        var customers = Enumerable.Range(0, 500).Select(index => index % 2 == 0 ? _api.Customer() : second.Customer()).ToList();

        var responses = await Task.WhenAll(customers.Select(customer => OrderingApi.PlaceAsync(customer, null, (product, 1))));

        responses.Count(response => response.StatusCode == HttpStatusCode.Created).ShouldBe(100);
        responses.Count(response => response.StatusCode == HttpStatusCode.Conflict).ShouldBe(400);
        (await _api.StockAsync(product)).ShouldBe(0);
        (await _api.SoldAsync(product)).ShouldBe(100);
    }

    [Fact]
    public async Task Concurrent_multi_unit_orders_never_oversell_and_take_exactly_what_fits()
    {
        var product = await _api.CreateProductAsync(stock: 50);

        var responses = await Task.WhenAll(Enumerable.Range(0, 200)
            .Select(index => OrderingApi.PlaceAsync(_api.Customer(), null, (product, 1 + index % 3))));

        var accepted = 0L;
        foreach (var response in responses.Where(response => response.StatusCode == HttpStatusCode.Created))
        {
            var order = await response.Content.ReadFromJsonAsync<JsonElement>();
            accepted += order.GetProperty("lines")[0].GetProperty("quantity").GetInt32();
        }

        responses.ShouldAllBe(response => response.StatusCode == HttpStatusCode.Created || response.StatusCode == HttpStatusCode.Conflict);
        (accepted + await _api.StockAsync(product)).ShouldBe(50);
        (await _api.SoldAsync(product)).ShouldBe(accepted);
    }

    [Fact]
    public async Task A_multi_line_order_with_one_short_line_reserves_nothing_and_names_that_line()
    {
        var plenty = await _api.CreateProductAsync(stock: 10);
        var scarce = await _api.CreateProductAsync(stock: 1);
        var customerId = Guid.CreateVersion7();
        using var customer = _api.Customer(customerId);

        var refused = await OrderingApi.PlaceAsync(customer, null, (plenty, 2), (scarce, 2));

        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("status").GetInt32().ShouldBe(409);
        problem.GetProperty("code").GetString().ShouldBe("ordering.out_of_stock");
        problem.GetProperty("correlationId").GetString().ShouldNotBeNullOrEmpty();
        var shortLines = problem.GetProperty("shortLines");
        shortLines.GetArrayLength().ShouldBe(1);
        shortLines[0].GetProperty("line").GetInt32().ShouldBe(2);
        shortLines[0].GetProperty("productId").GetGuid().ShouldBe(scarce);
        (await _api.StockAsync(plenty)).ShouldBe(10);
        (await _api.StockAsync(scarce)).ShouldBe(1);
        (await _api.OrdersOfAsync(customerId)).ShouldBe(0);

        var placed = await OrderingApi.PlaceAsync(customer, null, (plenty, 2), (scarce, 1));

        placed.StatusCode.ShouldBe(HttpStatusCode.Created);
        var order = await placed.Content.ReadFromJsonAsync<JsonElement>();
        order.GetProperty("status").GetString().ShouldBe("PendingPayment");
        order.GetProperty("total").GetInt64().ShouldBe(3 * 12_000);
        (await _api.StockAsync(plenty)).ShouldBe(8);
        (await _api.StockAsync(scarce)).ShouldBe(0);
        (await _api.OutboxEventsForAsync(order.GetProperty("id").GetGuid())).ShouldBeLessThanOrEqualTo(1, "OrderPlaced is written once (it may already be delivered)");
    }

    [Fact]
    public async Task Concurrent_multi_line_orders_competing_for_two_products_are_all_or_nothing()
    {
        var first = await _api.CreateProductAsync(stock: 30);
        var second = await _api.CreateProductAsync(stock: 20);

        var responses = await Task.WhenAll(Enumerable.Range(0, 100)
            .Select(index => index % 2 == 0
                ? OrderingApi.PlaceAsync(_api.Customer(), null, (first, 1), (second, 1))
                : OrderingApi.PlaceAsync(_api.Customer(), null, (second, 1), (first, 2))));

        var accepted = responses.Select((response, index) => (response.StatusCode, index)).Where(entry => entry.StatusCode == HttpStatusCode.Created).ToList();
        var firstSold = accepted.Sum(entry => entry.index % 2 == 0 ? 1 : 2);
        (await _api.StockAsync(first)).ShouldBe(30 - firstSold);
        (await _api.StockAsync(second)).ShouldBe(20 - accepted.Count);
        (await _api.SoldAsync(first)).ShouldBe(firstSold);
        (await _api.SoldAsync(second)).ShouldBe(accepted.Count);
    }

    [Fact]
    public async Task Bad_orders_are_refused_with_clear_problems()
    {
        var product = await _api.CreateProductAsync(stock: 5);
        var otherMerchantProduct = await _api.CreateProductAsync(stock: 5, merchantId: await new Acquisition.AcquisitionApi(platform.Host).CreateMerchantAsync(OrderingApi.Organization));
        using var customer = _api.Customer();

        var repeated = await OrderingApi.PlaceAsync(customer, null, (product, 1), (product, 1));
        var zero = await OrderingApi.PlaceAsync(customer, null, (product, 0));
        var unknown = await OrderingApi.PlaceAsync(customer, null, (Guid.CreateVersion7(), 1));
        var twoMerchants = await OrderingApi.PlaceAsync(customer, null, (product, 1), (otherMerchantProduct, 1));
        using var anonymous = platform.Host.CreateClient();
        var unauthenticated = await OrderingApi.PlaceAsync(anonymous, null, (product, 1));

        repeated.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        zero.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("ordering.unknown_products");
        (await twoMerchants.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("ordering.multiple_merchants");
        unauthenticated.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await _api.StockAsync(product)).ShouldBe(5);
    }
}
