using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Tests.Integration.Ordering;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Hardening;

/// <summary>Prices, stock and totals have stated bounds; past one the answer is 422 naming it, never a 500 or a wrapped-around total.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class OrderingLimitTests(TestPlatform platform)
{
    private const int MaxStock = 1_000_000_000;
    private const long MaxPrice = 1_000_000_000;

    private readonly OrderingApi _ordering = new(platform.Host);

    [Theory]
    [InlineData(12_000L, int.MaxValue, "stock")]
    [InlineData(12_000L, MaxStock + 1, "stock")]
    [InlineData(long.MaxValue, 10, "price")]
    [InlineData(MaxPrice + 1, 10, "price")]
    public async Task A_product_past_a_bound_is_refused_with_422(long price, int stock, string field)
    {
        using var admin = _ordering.Admin();

        var response = await admin.PostAsJsonAsync("/api/ordering/products",
            new { merchantId = await _ordering.MerchantAsync(), name = "Too much", price, stock });

        await ShouldExceedAsync(response, field);
    }

    [Fact]
    public async Task A_restock_past_the_stock_bound_is_refused_with_422_and_changes_nothing()
    {
        var product = await _ordering.CreateProductAsync(stock: MaxStock);
        using var admin = _ordering.Admin();

        var response = await admin.PostAsJsonAsync($"/api/ordering/products/{product}/restock", new { quantity = 1 });

        await ShouldExceedAsync(response, "stock");
        (await _ordering.StockAsync(product)).ShouldBe(MaxStock);
    }

    [Fact]
    public async Task An_order_whose_total_passes_the_bound_is_refused_with_422_and_reserves_nothing()
    {
        var product = await _ordering.CreateProductAsync(stock: 1_000, price: MaxPrice);
        using var customer = _ordering.Customer();

        var response = await OrderingApi.PlaceAsync(customer, null, (product, 101));

        await ShouldExceedAsync(response, "total");
        (await _ordering.StockAsync(product)).ShouldBe(1_000);
    }

    [Fact]
    public async Task A_bulk_order_whose_total_passes_the_bound_is_refused_at_once()
    {
        var products = new[] { await _ordering.CreateProductAsync(stock: 10_000, price: MaxPrice), await _ordering.CreateProductAsync(stock: 10_000, price: MaxPrice) };
        using var customer = _ordering.Customer();

        var response = await customer.PostAsJsonAsync("/api/ordering/bulk-orders", new
        {
            lines = products.Select(product => new { productId = product, quantity = 10_000 }),
            mode = "BestEffort",
            cardToken = OrderingApi.ApprovingCard,
        });

        await ShouldExceedAsync(response, "total");
    }

    private static async Task ShouldExceedAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, body);
        var problem = JsonDocument.Parse(body).RootElement;
        problem.GetProperty("code").GetString().ShouldBe("ordering.limit_exceeded", body);
        problem.GetProperty("field").GetString().ShouldBe(field, body);
    }
}
