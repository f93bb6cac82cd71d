using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Tests.Integration.Acquisition;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Funding;

[Collection(IntegrationCollection.Name)]
public sealed class ProjectTests(TestPlatform platform)
{
    private readonly FundingApi _api = new(platform.Host);

    [Fact]
    public async Task A_merchant_admin_drafts_edits_and_opens_a_project_and_then_its_terms_are_fixed()
    {
        using var admin = await _api.AdminAsync();
        var created = await admin.PostAsJsonAsync("/api/funding/projects",
            await _api.TermsAsync(goal: 1_000_000, tiers: [FundingApi.Tier(30_000, 100, "Early bird")]));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var project = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = project.GetProperty("id").GetGuid();
        created.Headers.Location!.ToString().ShouldBe($"/api/funding/projects/{id}");
        project.GetProperty("status").GetString().ShouldBe("Draft");

        var edited = await admin.PutAsJsonAsync($"/api/funding/projects/{id}",
            await _api.TermsAsync(goal: 2_000_000, tiers: [FundingApi.Tier(30_000, 50, "Early bird"), FundingApi.Tier(50_000, null, "Standard")]));
        edited.StatusCode.ShouldBe(HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());
        (await admin.PostAsync($"/api/funding/projects/{id}/open", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var page = await _api.ProjectPageAsync(id, p => p.GetProperty("status").GetString() == "Open", "backers see the opened project");
        page.GetProperty("goal").GetInt64().ShouldBe(2_000_000);
        page.GetProperty("tiers").EnumerateArray().Select(tier => (tier.GetProperty("name").GetString(), tier.GetProperty("left").ValueKind))
            .ShouldBe([("Early bird", JsonValueKind.Number), ("Standard", JsonValueKind.Null)]);
        var afterOpen = await admin.PutAsJsonAsync($"/api/funding/projects/{id}", await _api.TermsAsync(goal: 10));
        afterOpen.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await FundingApi.CodeOf(afterOpen)).ShouldBe("funding.invalid_status");
        (await admin.PostAsync($"/api/funding/projects/{id}/open", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Another_organizations_admin_cannot_see_or_touch_a_draft_and_operators_find_every_project()
    {
        using var admin = await _api.AdminAsync();
        var created = await admin.PostAsJsonAsync("/api/funding/projects", await _api.TermsAsync(goal: 500_000));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var stranger = new FundingApi(platform.Host);
        using var otherAdmin = await stranger.AdminAsync();

        (await otherAdmin.PutAsJsonAsync($"/api/funding/projects/{id}", await _api.TermsAsync(goal: 1))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await otherAdmin.PostAsync($"/api/funding/projects/{id}/open", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var backer = _api.Backer();
        await Eventually.HoldsAsync(async () => (await admin.GetAsync($"/api/funding/projects/{id}")).IsSuccessStatusCode, FundingApi.Patience,
            "the owner sees its draft on the read side");
        (await backer.GetAsync($"/api/funding/projects/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a draft is not public");
        (await otherAdmin.GetAsync($"/api/funding/projects/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var operatorClient = _api.Operator();
        var organization = await _api.OrganizationAsync();
        JsonElement page = default;
        await Eventually.HoldsAsync(async () =>
        {
            page = await operatorClient.GetFromJsonAsync<JsonElement>($"/api/funding/projects?organizationId={organization}&status=Draft");
            return page.GetProperty("items").EnumerateArray().Any(item => item.GetProperty("id").GetGuid() == id);
        }, FundingApi.Patience, "operators find the draft by owner and status");
        var mine = await otherAdmin.GetFromJsonAsync<JsonElement>($"/api/funding/projects?organizationId={organization}");
        mine.GetProperty("items").EnumerateArray().ShouldBeEmpty("a merchant admin lists its own organization's projects only");
    }

    [Fact]
    public async Task A_project_needs_valid_terms_and_an_active_merchant_organization_of_its_own()
    {
        using var admin = await _api.AdminAsync();
        var invalid = await admin.PostAsJsonAsync("/api/funding/projects", new
        {
            merchantId = await _api.MerchantAsync(), title = "", goal = 0, startsAt = DateTime.UtcNow, deadline = DateTime.UtcNow.AddDays(-1),
            tiers = new[] { new { name = "", price = 0, quantity = (int?)0 } },
        });
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await invalid.Content.ReadAsStringAsync();
        foreach (var field in new[] { "Title", "Goal", "Deadline", "Name", "Price", "Quantity" })
        {
            body.ShouldContain(field);
        }

        var foreignMerchant = await new AcquisitionApi(platform.Host).CreateMerchantAsync();
        var terms = JsonSerializer.SerializeToElement(await _api.TermsAsync(goal: 1_000));
        var withForeignMerchant = await admin.PostAsJsonAsync("/api/funding/projects", new
        {
            merchantId = foreignMerchant, title = "x", goal = 1_000, startsAt = terms.GetProperty("startsAt"), deadline = terms.GetProperty("deadline"),
        });
        withForeignMerchant.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await FundingApi.CodeOf(withForeignMerchant)).ShouldBe("funding.merchant_invalid");

        var billingCustomer = await new AcquisitionApi(platform.Host).OrganizationAsync(kind: "BillingCustomer");
        using var billingAdmin = platform.Host.CreateClientAs(Guid.CreateVersion7(), billingCustomer, BuildingBlocks.Application.Security.Roles.MerchantAdmin);
        var notAMerchant = await billingAdmin.PostAsJsonAsync("/api/funding/projects", await _api.TermsAsync(goal: 1_000));
        notAMerchant.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await FundingApi.CodeOf(notAMerchant)).ShouldBe("funding.organization_invalid");
    }
}
