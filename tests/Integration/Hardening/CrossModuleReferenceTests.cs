using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.BuildingBlocks.Application.Security;
using Modular.Tests.Integration.Acquisition;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Hardening;

/// <summary>
/// A stored reference to another module's entity is checked through that module's Contracts: a product's merchant
/// exists, is active and belongs to the product's organization; a merchant's organization exists, is of kind Merchant
/// and is active.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class CrossModuleReferenceTests(TestPlatform platform)
{
    private readonly AcquisitionApi _acquisition = new(platform.Host);

    [Fact]
    public async Task A_merchant_admin_cannot_sell_on_another_organizations_merchant()
    {
        var organizationA = await _acquisition.OrganizationAsync();
        var merchantOfB = await _acquisition.CreateMerchantAsync();
        using var adminOfA = platform.Host.CreateClientAs(Guid.CreateVersion7(), organizationA, Roles.MerchantAdmin);

        var response = await adminOfA.PostAsJsonAsync("/api/ordering/products", Product(merchantOfB));

        await ShouldBeRefusedAsync(response, "ordering.merchant_invalid");
    }

    [Fact]
    public async Task A_platform_admin_cannot_pair_an_organization_with_a_merchant_that_is_not_its_own()
    {
        var organizationA = await _acquisition.OrganizationAsync();
        var organizationB = await _acquisition.OrganizationAsync();
        var merchantOfB = await _acquisition.CreateMerchantAsync(organizationB);
        using var platformAdmin = _acquisition.PlatformAdmin();

        await ShouldBeRefusedAsync(await platformAdmin.PostAsJsonAsync("/api/ordering/products", Product(merchantOfB, organizationA)), "ordering.merchant_invalid");
        await ShouldBeRefusedAsync(await platformAdmin.PostAsJsonAsync("/api/ordering/products", Product(merchantOfB, Guid.CreateVersion7())), "ordering.merchant_invalid");
        await ShouldBeRefusedAsync(await platformAdmin.PostAsJsonAsync("/api/ordering/products", Product(merchantOfB, Guid.Empty)), "ordering.merchant_invalid");
        await ShouldBeRefusedAsync(await platformAdmin.PostAsJsonAsync("/api/ordering/products", Product(Guid.CreateVersion7(), organizationB)), "ordering.merchant_invalid");
        (await platformAdmin.PostAsJsonAsync("/api/ordering/products", Product(merchantOfB, organizationB))).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_suspended_merchant_takes_no_new_products()
    {
        var organization = await _acquisition.OrganizationAsync();
        var merchant = await _acquisition.CreateMerchantAsync(organization);
        using var platformAdmin = _acquisition.PlatformAdmin();
        (await platformAdmin.PutAsJsonAsync($"/api/acquisition/merchants/{merchant}",
            new { name = $"Suspended {Guid.NewGuid():N}", feeRate = 0.02m, vatRule = "Exempt", settlementCycle = "D1", status = "Suspended" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        using var admin = platform.Host.CreateClientAs(Guid.CreateVersion7(), organization, Roles.MerchantAdmin);

        await ShouldBeRefusedAsync(await admin.PostAsJsonAsync("/api/ordering/products", Product(merchant)), "ordering.merchant_invalid");
    }

    [Fact]
    public async Task A_merchant_needs_an_existing_active_organization_of_kind_merchant()
    {
        using var platformAdmin = _acquisition.PlatformAdmin();
        var billingCustomer = await _acquisition.OrganizationAsync(kind: "BillingCustomer");

        await ShouldBeRefusedAsync(await platformAdmin.PostAsJsonAsync("/api/acquisition/merchants", AcquisitionApi.Settings(Guid.CreateVersion7())), "acquisition.organization_invalid");
        await ShouldBeRefusedAsync(await platformAdmin.PostAsJsonAsync("/api/acquisition/merchants", AcquisitionApi.Settings(billingCustomer)), "acquisition.organization_invalid");
        (await platformAdmin.PostAsJsonAsync("/api/acquisition/merchants", AcquisitionApi.Settings(await _acquisition.OrganizationAsync())))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    private static object Product(Guid merchantId, Guid? organizationId = null) =>
        new { organizationId, merchantId, name = $"Product {Guid.NewGuid():N}", price = 1_000, stock = 5 };

    private static async Task ShouldBeRefusedAsync(HttpResponseMessage response, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, body);
        JsonDocument.Parse(body).RootElement.GetProperty("code").GetString().ShouldBe(code, body);
    }
}
