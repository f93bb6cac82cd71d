using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.BuildingBlocks.Application.Security;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Acquisition;

[Collection(IntegrationCollection.Name)]
public sealed class MerchantTests(TestPlatform platform)
{
    private readonly AcquisitionApi _api = new(platform.Host);

    [Fact]
    public async Task A_platform_admin_registers_and_updates_a_merchant_with_its_acquiring_settings()
    {
        using var admin = _api.PlatformAdmin();
        var organization = await _api.OrganizationAsync();
        var registrationNumber = RegistrationNumber();

        var created = await admin.PostAsJsonAsync("/api/acquisition/merchants", new
        {
            organizationId = organization, name = "Seoul Fashion", businessRegistrationNumber = registrationNumber,
            feeRate = 0.0275m, vatRule = "Taxable10Percent", settlementCycle = "D2",
        });

        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var merchant = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = merchant.GetProperty("id").GetGuid();
        created.Headers.Location!.ToString().ShouldBe($"/api/acquisition/merchants/{id}");
        merchant.GetProperty("feeRate").GetDecimal().ShouldBe(0.0275m);
        merchant.GetProperty("status").GetString().ShouldBe("Active");
        var updated = await admin.PutAsJsonAsync($"/api/acquisition/merchants/{id}", new
        {
            name = "Seoul Fashion", businessRegistrationNumber = registrationNumber, feeRate = 0.019m, vatRule = "ZeroRated",
            settlementCycle = "Monthly", status = "Active",
        });
        updated.StatusCode.ShouldBe(HttpStatusCode.OK, await updated.Content.ReadAsStringAsync());
        var detail = await admin.GetFromJsonAsync<JsonElement>($"/api/acquisition/merchants/{id}");
        detail.GetProperty("feeRate").GetDecimal().ShouldBe(0.019m);
        detail.GetProperty("vatRule").GetString().ShouldBe("ZeroRated");
        detail.GetProperty("settlementCycle").GetString().ShouldBe("Monthly");
        detail.GetProperty("organizationId").GetGuid().ShouldBe(organization);
        using var merchantAdmin = _api.MerchantAdmin(organization);
        await Eventually.HoldsAsync(
            async () => (await merchantAdmin.GetFromJsonAsync<JsonElement>("/api/acquisition/merchants")).GetProperty("items").EnumerateArray()
                .Any(item => item.GetProperty("id").GetGuid() == id && item.GetProperty("feeRate").GetDecimal() == 0.019m
                             && item.GetProperty("settlementCycle").GetString() == "Monthly"),
            TimeSpan.FromSeconds(30), "the merchant list shows the updated settings, not the registered ones");

        var duplicate = await admin.PostAsJsonAsync("/api/acquisition/merchants", AcquisitionApi.Settings(await _api.OrganizationAsync(), registrationNumber: registrationNumber));
        duplicate.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await duplicate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("acquisition.registration_number_taken");
        var sameName = await admin.PostAsJsonAsync("/api/acquisition/merchants", new
        {
            organizationId = organization, name = "Seoul Fashion", feeRate = 0.02m, vatRule = "Exempt", settlementCycle = "D1",
        });
        sameName.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await sameName.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("acquisition.merchant_name_taken");
    }

    [Fact]
    public async Task Invalid_settings_are_rejected_with_an_error_for_each_bad_field_and_nothing_is_stored()
    {
        using var admin = _api.PlatformAdmin();
        var organization = Guid.CreateVersion7();

        var missingRate = await admin.PostAsJsonAsync("/api/acquisition/merchants", new
        {
            organizationId = organization, name = "", businessRegistrationNumber = "12-345", vatRule = "Sometimes", settlementCycle = "",
        });
        var tooHigh = await admin.PostAsJsonAsync("/api/acquisition/merchants", AcquisitionApi.Settings(organization, feeRate: 0.2m));
        var zero = await admin.PostAsJsonAsync("/api/acquisition/merchants", AcquisitionApi.Settings(organization, feeRate: 0m));
        var tooPrecise = await admin.PostAsJsonAsync("/api/acquisition/merchants", AcquisitionApi.Settings(organization, feeRate: 0.0123456m));

        var errors = await FieldErrorsAsync(missingRate);
        errors.Keys.ShouldBe(["name", "businessRegistrationNumber", "feeRate", "vatRule", "settlementCycle"], ignoreOrder: true);
        errors["feeRate"].ShouldContain("A fee rate is required.");
        (await FieldErrorsAsync(tooHigh)).Keys.ShouldBe(["feeRate"]);
        (await FieldErrorsAsync(zero)).Keys.ShouldBe(["feeRate"]);
        (await FieldErrorsAsync(tooPrecise)).Keys.ShouldBe(["feeRate"]);
        (await _api.Database.ScalarAsync<long>("SELECT count(*) FROM acquisition.merchants WHERE organization_id = $1", organization)).ShouldBe(0);

        var merchant = await _api.CreateMerchantAsync(organization);
        var badUpdate = await admin.PutAsJsonAsync($"/api/acquisition/merchants/{merchant}", new
        {
            name = "Renamed", feeRate = 0.5m, vatRule = "Exempt", settlementCycle = "D1", status = "Closed",
        });
        (await FieldErrorsAsync(badUpdate)).Keys.ShouldBe(["feeRate", "status"], ignoreOrder: true);
    }

    [Fact]
    public async Task Only_a_platform_admin_changes_merchants_and_merchant_staff_see_only_their_organizations()
    {
        var organization = Guid.CreateVersion7();
        var own = await _api.CreateMerchantAsync(organization);
        var ownSecond = await _api.CreateMerchantAsync(organization);
        var foreign = await _api.CreateMerchantAsync();
        using var merchantAdmin = _api.MerchantAdmin(organization);
        using var merchantUser = platform.Host.CreateClientAs(Guid.CreateVersion7(), organization, Roles.MerchantUser);
        using var customer = platform.Host.CreateClientAs(Guid.CreateVersion7(), null, Roles.Customer);
        using var risk = platform.Host.CreateClientAs(Guid.CreateVersion7(), null, Roles.RiskManager);

        (await merchantAdmin.PostAsJsonAsync("/api/acquisition/merchants", AcquisitionApi.Settings(organization))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await risk.PostAsJsonAsync("/api/acquisition/merchants", AcquisitionApi.Settings(organization))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await merchantAdmin.PutAsJsonAsync($"/api/acquisition/merchants/{own}", new { name = "x", feeRate = 0.01m, vatRule = "Exempt", settlementCycle = "D1", status = "Active" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await customer.GetAsync("/api/acquisition/merchants")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // The list is the read side: it shows a merchant once its projection has applied the registration.
        await Eventually.HoldsAsync(
            async () => Ids(await merchantAdmin.GetFromJsonAsync<JsonElement>("/api/acquisition/merchants")).Count == 2,
            TimeSpan.FromSeconds(30), "the merchant admin's list shows both merchants");
        var firstPage = await merchantAdmin.GetFromJsonAsync<JsonElement>("/api/acquisition/merchants?limit=1");
        Ids(firstPage).ShouldBe([ownSecond]);
        var secondPage = await merchantUser.GetFromJsonAsync<JsonElement>($"/api/acquisition/merchants?limit=1&before={firstPage.GetProperty("nextBefore").GetGuid()}");
        Ids(secondPage).ShouldBe([own]);
        (await merchantAdmin.GetAsync($"/api/acquisition/merchants/{own}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await merchantAdmin.GetAsync($"/api/acquisition/merchants/{foreign}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await risk.GetAsync($"/api/acquisition/merchants/{foreign}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var all = await risk.GetFromJsonAsync<JsonElement>("/api/acquisition/merchants?limit=200");
        Ids(all).ShouldContain(foreign);
        Ids(all).ShouldContain(own);
    }

    private static List<Guid> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid()).ToList();

    private static string RegistrationNumber() => Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<Dictionary<string, string[]>> FieldErrorsAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().ShouldBe("validation.failed");
        return problem.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }
}
