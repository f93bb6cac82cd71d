using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.BuildingBlocks.Application.Security;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Ordering;

[Collection(IntegrationCollection.Name)]
public sealed class CatalogueListTests(TestPlatform platform)
{
    private readonly OrderingApi _api = new(platform.Host);

    [Fact]
    public async Task Staff_list_their_organizations_catalogue_by_status_and_name_prefix_newest_first_in_keyset_pages()
    {
        var (prefix, oldest, middle, newest) = await ThreeProductsAsync();
        using var admin = _api.Admin();

        (await IdsAsync(admin, $"name={prefix}")).ShouldBe([newest, middle, oldest]);
        (await IdsAsync(admin, $"name={prefix}&status=Inactive")).ShouldBe([middle]);
        (await IdsAsync(admin, $"name={prefix}&status=active")).ShouldBe([newest, oldest]);

        var first = await admin.GetFromJsonAsync<JsonElement>($"/api/ordering/products?name={prefix}&limit=2");
        Ids(first).ShouldBe([newest, middle]);
        var before = first.GetProperty("nextBefore").GetGuid();
        var second = await admin.GetFromJsonAsync<JsonElement>($"/api/ordering/products?name={prefix}&limit=2&before={before}");
        Ids(second).ShouldBe([oldest]);
        second.GetProperty("nextBefore").ValueKind.ShouldBe(JsonValueKind.Null);

        using var financeOperator = platform.Host.CreateClientAs(Guid.CreateVersion7(), null, Roles.FinanceOperator);
        (await IdsAsync(financeOperator, $"organizationId={OrderingApi.Organization}&name={prefix}")).ShouldBe([newest, middle, oldest]);
        (await IdsAsync(financeOperator, $"organizationId={Guid.CreateVersion7()}&name={prefix}")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Another_organization_sees_none_of_it_and_a_shopper_sees_only_active_products()
    {
        var (prefix, oldest, middle, newest) = await ThreeProductsAsync();
        using var stranger = platform.Host.CreateClientAs(Guid.CreateVersion7(), Guid.CreateVersion7(), Roles.MerchantAdmin);
        using var customer = _api.Customer();

        (await IdsAsync(stranger, $"name={prefix}")).ShouldBeEmpty();
        (await IdsAsync(stranger, $"organizationId={OrderingApi.Organization}&name={prefix}")).ShouldBeEmpty();
        var hidden = await stranger.GetAsync($"/api/ordering/products/{oldest}");
        hidden.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await hidden.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("ordering.product_not_found");

        (await IdsAsync(customer, $"name={prefix}")).ShouldBe([newest, oldest]);
        (await IdsAsync(customer, $"name={prefix}&status=Inactive")).ShouldBeEmpty();
        (await customer.GetAsync($"/api/ordering/products/{middle}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var detail = await customer.GetFromJsonAsync<JsonElement>($"/api/ordering/products/{newest}");
        detail.GetProperty("status").GetString().ShouldBe("Active");
        detail.GetProperty("stock").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task An_unknown_status_is_a_validation_problem()
    {
        using var admin = _api.Admin();

        var response = await admin.GetAsync("/api/ordering/products?status=Sold");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("validation.failed");
    }

    /// <summary>Three products named with a fresh prefix (so the lists hold only them), the middle one Inactive.</summary>
    private async Task<(string Prefix, Guid Oldest, Guid Middle, Guid Newest)> ThreeProductsAsync()
    {
        var prefix = $"Cat{Guid.NewGuid():N}";
        var merchant = await _api.MerchantAsync();
        using var admin = _api.Admin();
        var ids = new List<Guid>();
        foreach (var name in new[] { "a", "b", "c" })
        {
            var response = await admin.PostAsJsonAsync("/api/ordering/products", new { merchantId = merchant, name = $"{prefix} {name}", price = 1_000, stock = 3 });
            response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }

        (await admin.PutAsJsonAsync($"/api/ordering/products/{ids[1]}", new { name = $"{prefix} b", price = 1_000, status = "Inactive" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        return (prefix, ids[0], ids[1], ids[2]);
    }

    private static async Task<List<Guid>> IdsAsync(HttpClient client, string query) =>
        Ids(await client.GetFromJsonAsync<JsonElement>($"/api/ordering/products?{query}"));

    private static List<Guid> Ids(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(product => product.GetProperty("id").GetGuid()).ToList();
}
