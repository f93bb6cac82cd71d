using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.BuildingBlocks.Application.Security;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Ordering;

[Collection(IntegrationCollection.Name)]
public sealed class CatalogTests(TestPlatform platform)
{
    private readonly OrderingApi _api = new(platform.Host);

    [Fact]
    public async Task A_merchant_admin_updates_and_restocks_its_products_and_a_restock_reopens_a_sold_out_product()
    {
        var product = await _api.CreateProductAsync(stock: 1);
        using var admin = _api.Admin();
        using var customer = _api.Customer();
        (await OrderingApi.PlaceAsync(customer, null, (product, 1))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await OrderingApi.PlaceAsync(customer, null, (product, 1))).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var restocked = await admin.PostAsJsonAsync($"/api/ordering/products/{product}/restock", new { quantity = 5 });
        var updated = await admin.PutAsJsonAsync($"/api/ordering/products/{product}", new { name = "Renamed", price = 9_000, status = "Active" });

        restocked.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await restocked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("stock").GetInt32().ShouldBe(5);
        (await updated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("price").GetInt64().ShouldBe(9_000);
        var order = await OrderingApi.PlaceAsync(customer, null, (product, 2));
        order.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await order.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt64().ShouldBe(18_000);
    }

    [Fact]
    public async Task Another_organizations_admin_and_customers_cannot_change_a_product()
    {
        var product = await _api.CreateProductAsync(stock: 3);
        using var stranger = platform.Host.CreateClientAs(Guid.CreateVersion7(), Guid.CreateVersion7(), Roles.MerchantAdmin);
        using var customer = _api.Customer();

        (await stranger.PostAsJsonAsync($"/api/ordering/products/{product}/restock", new { quantity = 5 })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await customer.PostAsJsonAsync($"/api/ordering/products/{product}/restock", new { quantity = 5 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await _api.StockAsync(product)).ShouldBe(3);
    }

    [Fact]
    public async Task An_inactive_product_cannot_be_ordered()
    {
        var product = await _api.CreateProductAsync(stock: 3);
        using var admin = _api.Admin();
        (await admin.PutAsJsonAsync($"/api/ordering/products/{product}", new { name = "Off sale", price = 1_000, status = "Inactive" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var order = await OrderingApi.PlaceAsync(_api.Customer(), null, (product, 1));

        (await order.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("ordering.unknown_products");
        (await _api.StockAsync(product)).ShouldBe(3);
    }
}
