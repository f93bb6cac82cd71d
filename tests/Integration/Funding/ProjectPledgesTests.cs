using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Funding;

[Collection(IntegrationCollection.Name)]
public sealed class ProjectPledgesTests(TestPlatform platform)
{
    private readonly FundingApi _api = new(platform.Host);

    [Fact]
    public async Task The_merchant_admin_lists_its_projects_pledges_by_status_newest_first_in_keyset_pages()
    {
        var (project, tiers) = await _api.OpenProjectAsync(goal: 1_000_000, tiers: [FundingApi.Tier(30_000, 10)]);
        var completed = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            using var backer = _api.Backer();
            completed.Add(await FundingApi.PledgedAsync(backer, project, tiers[0]));
        }

        using var decliner = _api.Backer();
        var failed = await FundingApi.PledgedAsync(decliner, project, tierId: null, amount: 5_000, cardToken: FundingApi.DecliningCard);
        using var admin = await _api.AdminAsync();

        var completedPage = await PageAsync(admin, project, "?status=Completed", items => items.Count == 3, "the three paid pledges are listed");
        completedPage.ShouldBe(completed.OrderDescending().ToList(), "newest first");
        (await PageAsync(admin, project, "?status=Failed", items => items.Count == 1, "the declined pledge is listed as Failed"))
            .ShouldBe([failed]);

        var first = await admin.GetFromJsonAsync<JsonElement>($"/api/funding/projects/{project}/pledges?limit=2");
        var next = first.GetProperty("nextBefore").GetGuid();
        var second = await admin.GetFromJsonAsync<JsonElement>($"/api/funding/projects/{project}/pledges?limit=2&before={next}");
        Ids(first).Concat(Ids(second)).ShouldBe(completed.Append(failed).OrderDescending().ToList(), "two pages hold every pledge once");
        var pledge = first.GetProperty("items")[0];
        pledge.GetProperty("projectId").GetGuid().ShouldBe(project);
        pledge.GetProperty("amount").GetInt64().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Another_organizations_admin_gets_404_operators_see_the_list_and_an_unknown_status_is_refused()
    {
        var (project, _) = await _api.OpenProjectAsync(goal: 1_000_000);
        using var backer = _api.Backer();
        var pledge = await FundingApi.PledgedAsync(backer, project, tierId: null, amount: 5_000);
        using var operatorClient = _api.Operator();
        (await PageAsync(operatorClient, project, "", items => items.Count == 1, "an operator sees any project's pledges")).ShouldBe([pledge]);

        using var otherAdmin = await new FundingApi(platform.Host).AdminAsync();
        var foreign = await otherAdmin.GetAsync($"/api/funding/projects/{project}/pledges");
        foreign.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await FundingApi.CodeOf(foreign)).ShouldBe("funding.project_not_found");
        (await backer.GetAsync($"/api/funding/projects/{project}/pledges")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "backers list their own");
        using var admin = await _api.AdminAsync();
        var unknown = await admin.GetAsync($"/api/funding/projects/{project}/pledges?status=Paid");
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("status")[0].GetString()!.ShouldContain("Completed");
    }

    private static async Task<List<Guid>> PageAsync(HttpClient client, Guid project, string query, Func<List<Guid>, bool> condition, string description)
    {
        var ids = new List<Guid>();
        await Eventually.HoldsAsync(async () =>
        {
            // The project itself reaches the read side a projection after it opens: until then the list answers 404.
            var response = await client.GetAsync($"/api/funding/projects/{project}/pledges{query}");
            ids = response.IsSuccessStatusCode ? Ids(await response.Content.ReadFromJsonAsync<JsonElement>()) : [];
            return response.IsSuccessStatusCode && condition(ids);
        }, FundingApi.Patience, description);
        return ids;
    }

    private static List<Guid> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid()).ToList();
}
