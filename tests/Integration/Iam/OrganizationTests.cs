using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Iam;

[Collection(IntegrationCollection.Name)]
public sealed class OrganizationTests(TestPlatform platform)
{
    private readonly IamApi _api = new(platform.Iam.Factory);

    [Fact]
    public async Task A_business_registration_number_belongs_to_one_organization()
    {
        using var admin = await _api.AdminAsync();
        var number = $"REG-{Guid.NewGuid():N}";

        var first = await admin.PostAsJsonAsync("/api/iam/organizations", new { kind = "Merchant", name = "First", registrationNumber = number });
        var second = await admin.PostAsJsonAsync("/api/iam/organizations", new { kind = "BillingCustomer", name = "Second", registrationNumber = number });

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await IamApi.CodeOf(second)).ShouldBe("iam.registration_number_taken");
    }

    [Fact]
    public async Task A_new_primary_contact_takes_over_and_the_organization_shows_both()
    {
        var organization = await _api.CreateOrganizationAsync("BillingCustomer");
        using var admin = await _api.AdminAsync();

        await admin.PostAsJsonAsync($"/api/iam/organizations/{organization}/contacts", new { name = "First", email = "First@Billed.example" });
        await admin.PostAsJsonAsync($"/api/iam/organizations/{organization}/contacts", new { name = "Second", email = "second@billed.example", isPrimary = true });
        await admin.PostAsJsonAsync($"/api/iam/organizations/{organization}/contacts", new { name = "Third", email = "third@billed.example" });

        var detail = await admin.GetFromJsonAsync<JsonElement>($"/api/iam/organizations/{organization}");
        var contacts = detail.GetProperty("contacts").EnumerateArray()
            .ToDictionary(contact => contact.GetProperty("name").GetString()!, contact => contact.GetProperty("isPrimary").GetBoolean());
        contacts.ShouldBe(new Dictionary<string, bool> { ["First"] = false, ["Second"] = true, ["Third"] = false });
        detail.GetProperty("contacts")[0].GetProperty("email").GetString().ShouldBe("first@billed.example");
    }

    [Fact]
    public async Task A_billing_customer_holds_only_billing_customer_users_and_operators_list_organizations_by_kind()
    {
        var billed = await _api.CreateOrganizationAsync("BillingCustomer");
        using var admin = await _api.AdminAsync();

        var merchantUser = await admin.PostAsJsonAsync($"/api/iam/organizations/{billed}/users", new
        {
            email = $"u.{Guid.NewGuid():N}@iam-tests.example", name = "U", roles = new[] { "MerchantUser" }, password = IamApi.Password,
        });
        var billingUser = await admin.PostAsJsonAsync($"/api/iam/organizations/{billed}/users", new
        {
            email = $"b.{Guid.NewGuid():N}@iam-tests.example", name = "B", roles = new[] { "BillingCustomer" }, password = IamApi.Password,
        });

        merchantUser.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await IamApi.CodeOf(merchantUser)).ShouldBe("iam.role_not_allowed");
        billingUser.StatusCode.ShouldBe(HttpStatusCode.Created, await billingUser.Content.ReadAsStringAsync());
        var page = await IamApi.EventuallyAsync(admin, "/api/iam/organizations?kind=BillingCustomer&limit=200",
            page => page.GetProperty("items").EnumerateArray().Any(item => item.GetProperty("id").GetGuid() == billed), "the organization is projected");
        page.GetProperty("items").EnumerateArray().ShouldAllBe(item => item.GetProperty("kind").GetString() == "BillingCustomer");
    }

    [Fact]
    public void Outside_development_a_weak_signing_key_stops_start_up()
    {
        using var root = new ModularHostFactory(platform.Settings);
        using var weak = root.WithWebHostBuilder(builder => builder.UseSetting("Jwt:SigningKey", "too-short"));

        var failure = Should.Throw<InvalidOperationException>(() => weak.CreateClient());

        failure.Message.ShouldContain("SigningKey");
    }
}
