using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.BuildingBlocks.Application.Security;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Ordering;

[Collection(IntegrationCollection.Name)]
public sealed class OrderReadSideTests(TestPlatform platform)
{
    private readonly OrderingApi _api = new(platform.Host);

    [Fact]
    public async Task A_customer_lists_its_orders_and_admins_search_by_status_date_and_product_within_their_organization()
    {
        var product = await _api.CreateProductAsync(stock: 20);
        var otherProduct = await _api.CreateProductAsync(stock: 20);
        var customerId = Guid.CreateVersion7();
        using var customer = _api.Customer(customerId);
        var ids = new List<Guid>();
        foreach (var (item, quantity) in new[] { (product, 1), (product, 2), (otherProduct, 1) })
        {
            var response = await OrderingApi.PlaceAsync(customer, null, (item, quantity));
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }

        foreach (var id in ids)
        {
            await _api.ProjectedAsync(id, "Paid");
        }

        var mine = await customer.GetFromJsonAsync<JsonElement>("/api/ordering/orders/mine?limit=2");
        mine.GetProperty("items").EnumerateArray().Select(order => order.GetProperty("id").GetGuid()).ShouldBe([ids[2], ids[1]]);
        var rest = await customer.GetFromJsonAsync<JsonElement>($"/api/ordering/orders/mine?limit=2&before={mine.GetProperty("nextBefore").GetGuid()}");
        rest.GetProperty("items").EnumerateArray().Select(order => order.GetProperty("id").GetGuid()).ShouldBe([ids[0]]);

        using var admin = _api.Admin();
        var from = DateTime.UtcNow.AddMinutes(-5).ToString("O");
        var byProduct = await admin.GetFromJsonAsync<JsonElement>($"/api/ordering/orders?productId={product}&status=Paid&from={Uri.EscapeDataString(from)}");
        byProduct.GetProperty("items").EnumerateArray().Select(order => order.GetProperty("id").GetGuid()).ShouldBe([ids[1], ids[0]]);

        using var stranger = platform.Host.CreateClientAs(Guid.CreateVersion7(), Guid.CreateVersion7(), Roles.MerchantAdmin);
        var strangerSearch = await stranger.GetFromJsonAsync<JsonElement>($"/api/ordering/orders?productId={product}");
        strangerSearch.GetProperty("items").GetArrayLength().ShouldBe(0);
        (await stranger.GetAsync($"/api/ordering/orders/{ids[0]}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var otherCustomer = _api.Customer();
        (await otherCustomer.GetAsync($"/api/ordering/orders/{ids[0]}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await customer.GetAsync($"/api/ordering/orders/{ids[0]}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
