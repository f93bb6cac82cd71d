using System.Net;
using System.Net.Http.Json;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Ordering;

[Collection(IntegrationCollection.Name)]
public sealed class IdempotencyKeyTests(TestPlatform platform)
{
    private readonly OrderingApi _api = new(platform.Host);

    [Fact]
    public async Task A_retry_with_the_same_key_and_body_gets_the_first_answer_and_no_second_order()
    {
        var product = await _api.CreateProductAsync(stock: 10);
        var customerId = Guid.CreateVersion7();
        using var customer = _api.Customer(customerId);
        var key = Guid.NewGuid().ToString();

        var first = await OrderingApi.PlaceAsync(customer, key, (product, 2));
        var retry = await OrderingApi.PlaceAsync(customer, key, (product, 2));

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        retry.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await retry.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());
        (await _api.OrdersOfAsync(customerId)).ShouldBe(1);
        (await _api.StockAsync(product)).ShouldBe(8);
    }

    [Fact]
    public async Task Concurrent_retries_with_one_key_place_one_order()
    {
        var product = await _api.CreateProductAsync(stock: 10);
        var customerId = Guid.CreateVersion7();
        using var customer = _api.Customer(customerId);
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => OrderingApi.PlaceAsync(customer, key, (product, 1))));

        responses.ShouldAllBe(response => response.StatusCode == HttpStatusCode.Created);
        (await Task.WhenAll(responses.Select(response => response.Content.ReadAsStringAsync()))).Distinct().Count().ShouldBe(1);
        (await _api.OrdersOfAsync(customerId)).ShouldBe(1);
        (await _api.StockAsync(product)).ShouldBe(9);
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_refused_with_422()
    {
        var product = await _api.CreateProductAsync(stock: 10);
        var customerId = Guid.CreateVersion7();
        using var customer = _api.Customer(customerId);
        var key = Guid.NewGuid().ToString();
        (await OrderingApi.PlaceAsync(customer, key, (product, 1))).StatusCode.ShouldBe(HttpStatusCode.Created);

        var other = await OrderingApi.PlaceAsync(customer, key, (product, 3));

        other.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await other.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("code").GetString().ShouldBe("ordering.idempotency_key_reused");
        (await _api.OrdersOfAsync(customerId)).ShouldBe(1);
        (await _api.StockAsync(product)).ShouldBe(9);
    }

    [Fact]
    public async Task Keys_belong_to_one_customer_and_expire_after_24_hours()
    {
        var product = await _api.CreateProductAsync(stock: 10);
        var key = Guid.NewGuid().ToString();
        var firstCustomer = Guid.CreateVersion7();
        using var first = _api.Customer(firstCustomer);
        using var second = _api.Customer();
        (await OrderingApi.PlaceAsync(first, key, (product, 1))).StatusCode.ShouldBe(HttpStatusCode.Created);

        (await OrderingApi.PlaceAsync(second, key, (product, 1))).StatusCode.ShouldBe(HttpStatusCode.Created);

        await _api.Database.ExecuteAsync(
            $"UPDATE ordering.idempotency_keys SET created_at = now() - interval '25 hours' WHERE customer_id = '{firstCustomer}' AND key = '{key}'");
        (await OrderingApi.PlaceAsync(first, key, (product, 1))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await _api.OrdersOfAsync(firstCustomer)).ShouldBe(2);
        (await _api.StockAsync(product)).ShouldBe(7);
    }
}
