using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Ordering;

[Collection(IntegrationCollection.Name)]
public sealed class BulkOrderTests(TestPlatform platform)
{
    private readonly OrderingApi _api = new(platform.Host);

    [Fact]
    public async Task A_best_effort_bulk_order_reserves_the_lines_that_fit_and_reports_each_line()
    {
        var products = await CreateProductsAsync(120, stock: 5);
        var customerId = Guid.CreateVersion7();
        using var customer = _api.Customer(customerId);
        // Every tenth line asks for more than the stock.
        var lines = products.Select((product, index) => (product, quantity: index % 10 == 0 ? 6 : 2)).ToList();

        var bulk = await SubmitAsync(customer, "BestEffort", lines);

        var status = await CompletedAsync(customer, bulk);
        status.GetProperty("status").GetString().ShouldBe("Completed");
        var results = status.GetProperty("lines").EnumerateArray().Select(line => line.GetProperty("result").GetString()).ToList();
        results.Count.ShouldBe(120);
        results.Where((_, index) => index % 10 == 0).ShouldAllBe(result => result == "Short");
        results.Where((_, index) => index % 10 != 0).ShouldAllBe(result => result == "Reserved");
        (await _api.StockAsync(products[0])).ShouldBe(5);
        (await _api.StockAsync(products[1])).ShouldBe(3);
        var orderId = status.GetProperty("orderId").GetGuid();
        (await _api.Database.ScalarAsync<long>("SELECT count(*) FROM ordering.order_lines WHERE order_id = $1", orderId)).ShouldBe(108);
        (await _api.ProjectedAsync(orderId, "Paid")).Total.ShouldBe(108 * 2 * 12_000);
    }

    [Fact]
    public async Task An_all_or_nothing_bulk_order_with_a_short_line_reserves_nothing()
    {
        var products = await CreateProductsAsync(60, stock: 5);
        using var customer = _api.Customer();
        var lines = products.Select((product, index) => (product, quantity: index == 55 ? 9 : 1)).ToList();

        var bulk = await SubmitAsync(customer, "AllOrNothing", lines);

        var status = await CompletedAsync(customer, bulk);
        status.GetProperty("status").GetString().ShouldBe("Rejected");
        status.GetProperty("orderId").ValueKind.ShouldBe(JsonValueKind.Null);
        var results = status.GetProperty("lines").EnumerateArray().Select(line => line.GetProperty("result").GetString()).ToList();
        results[55].ShouldBe("Short");
        results.Where((_, index) => index != 55).ShouldAllBe(result => result == "Released");
        foreach (var product in products)
        {
            (await _api.StockAsync(product)).ShouldBe(5);
        }
    }

    [Fact]
    public async Task A_bulk_order_over_1000_lines_is_refused()
    {
        using var customer = _api.Customer();
        var lines = Enumerable.Range(0, 1001).Select(_ => (Guid.CreateVersion7(), 1)).ToList();

        var response = await customer.PostAsJsonAsync("/api/ordering/bulk-orders", Body("BestEffort", lines));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private async Task<List<Guid>> CreateProductsAsync(int count, int stock)
    {
        var products = new List<Guid>(count);
        for (var i = 0; i < count; i++)
        {
            products.Add(await _api.CreateProductAsync(stock));
        }

        return products;
    }

    private static object Body(string mode, IEnumerable<(Guid Product, int Quantity)> lines) => new
    {
        mode,
        // Approved: the order ends Paid with its stock taken, a state no timeout changes while the test reads it.
        cardToken = OrderingApi.ApprovingCard,
        lines = lines.Select(line => new { productId = line.Product, quantity = line.Quantity }),
    };

    private static async Task<Guid> SubmitAsync(HttpClient customer, string mode, IEnumerable<(Guid Product, int Quantity)> lines)
    {
        var response = await customer.PostAsJsonAsync("/api/ordering/bulk-orders", Body(mode, lines));
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        response.Headers.Location.ShouldNotBeNull();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> CompletedAsync(HttpClient customer, Guid bulk)
    {
        JsonElement status = default;
        await Eventually.HoldsAsync(async () =>
        {
            status = await customer.GetFromJsonAsync<JsonElement>($"/api/ordering/bulk-orders/{bulk}");
            return status.GetProperty("status").GetString() != "Pending";
        }, TimeSpan.FromSeconds(30), "the bulk order was processed");
        return status;
    }
}
