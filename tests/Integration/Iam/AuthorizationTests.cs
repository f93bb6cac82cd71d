using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Iam;

[Collection(IntegrationCollection.Name)]
public sealed class AuthorizationTests(TestPlatform platform)
{
    private readonly IamApi _api = new(platform.Iam.Factory);

    [Fact]
    public async Task Without_a_token_is_401_and_with_a_token_lacking_the_role_is_403()
    {
        var customer = await _api.RegisterCustomerAsync();
        using var loggedIn = await _api.ClientOfAsync(customer);

        (await _api.Anonymous().GetAsync("/api/iam/users")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await loggedIn.GetAsync("/api/iam/users")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await loggedIn.PostAsJsonAsync("/api/iam/organizations", new { kind = "Merchant", name = "Mine", registrationNumber = $"R-{Guid.NewGuid():N}" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Merchant_a_cannot_read_or_manage_merchant_b()
    {
        var merchantA = await _api.CreateOrganizationAsync();
        var merchantB = await _api.CreateOrganizationAsync();
        var (_, adminA) = await _api.CreateUserAsync(merchantA, "MerchantAdmin");
        var (userA, _) = await _api.CreateUserAsync(merchantA, "MerchantUser");
        var (userB, _) = await _api.CreateUserAsync(merchantB, "MerchantUser");
        using var a = await _api.ClientOfAsync(adminA);

        var organizationB = await a.GetAsync($"/api/iam/organizations/{merchantB}");
        organizationB.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await IamApi.CodeOf(organizationB)).ShouldBe("iam.organization_not_found");
        (await a.PostAsJsonAsync($"/api/iam/organizations/{merchantB}/contacts", new { name = "X", email = "x@b.example" }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await a.PostAsJsonAsync($"/api/iam/organizations/{merchantB}/users", new { email = $"x.{Guid.NewGuid():N}@iam-tests.example", name = "X", roles = new[] { "MerchantUser" }, password = IamApi.Password }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await a.PostAsJsonAsync($"/api/iam/organizations/{merchantB}/invitations", new { emails = new[] { "x@b.example" } }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The read side lists A's users to A, never B's, even when A asks for B's organization.
        var own = await IamApi.EventuallyAsync(a, "/api/iam/users", page => Ids(page).Contains(userA), "A's user is projected");
        Ids(own).ShouldNotContain(userB);
        own.GetProperty("items").EnumerateArray().ShouldAllBe(user => user.GetProperty("organizationId").GetGuid() == merchantA);
        var asked = await a.GetFromJsonAsync<JsonElement>($"/api/iam/users?organizationId={merchantB}");
        asked.GetProperty("items").GetArrayLength().ShouldBe(0);
        var organizations = await a.GetFromJsonAsync<JsonElement>("/api/iam/organizations");
        organizations.GetProperty("items").EnumerateArray().ShouldAllBe(organization => organization.GetProperty("id").GetGuid() == merchantA);
    }

    [Fact]
    public async Task A_disabled_user_cannot_log_in_and_only_its_own_organization_may_disable_it()
    {
        var merchantA = await _api.CreateOrganizationAsync();
        var merchantB = await _api.CreateOrganizationAsync();
        var (_, adminA) = await _api.CreateUserAsync(merchantA, "MerchantAdmin");
        var (_, adminB) = await _api.CreateUserAsync(merchantB, "MerchantAdmin");
        var (userA, emailA) = await _api.CreateUserAsync(merchantA, "MerchantUser");
        using var a = await _api.ClientOfAsync(adminA);
        using var b = await _api.ClientOfAsync(adminB);

        (await b.PostAsync($"/api/iam/users/{userA}/disable", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _api.LoginAsync(emailA, IamApi.Password)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await a.PostAsync($"/api/iam/users/{userA}/disable", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var refused = await _api.LoginAsync(emailA, IamApi.Password);
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await IamApi.CodeOf(refused)).ShouldBe("iam.invalid_credentials");
        await IamApi.EventuallyAsync(a, "/api/iam/users?status=Disabled", page => Ids(page).Contains(userA), "the read side shows the user disabled");
    }

    [Fact]
    public async Task A_merchant_admin_may_not_grant_operator_roles()
    {
        var merchant = await _api.CreateOrganizationAsync();
        var (_, admin) = await _api.CreateUserAsync(merchant, "MerchantAdmin");
        using var client = await _api.ClientOfAsync(admin);

        var response = await client.PostAsJsonAsync($"/api/iam/organizations/{merchant}/users", new
        {
            email = $"escalate.{Guid.NewGuid():N}@iam-tests.example", name = "E", roles = new[] { "PlatformAdmin" }, password = IamApi.Password,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await IamApi.CodeOf(response)).ShouldBe("iam.role_not_allowed");
    }

    [Fact]
    public async Task Operators_page_through_users_with_filters_newest_first()
    {
        var merchant = await _api.CreateOrganizationAsync();
        var created = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            created.Add((await _api.CreateUserAsync(merchant, "MerchantUser")).Id);
        }

        using var admin = await _api.AdminAsync();
        var url = $"/api/iam/users?organizationId={merchant}&role=MerchantUser&limit=2";
        await IamApi.EventuallyAsync(admin, $"/api/iam/users?organizationId={merchant}&limit=10", page => Ids(page).Count == 5, "all five are projected");

        var seen = new List<Guid>();
        Guid? before = null;
        do
        {
            var page = await admin.GetFromJsonAsync<JsonElement>(before is null ? url : $"{url}&before={before}");
            seen.AddRange(Ids(page));
            before = page.GetProperty("nextBefore").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextBefore").GetGuid();
        }
        while (before is not null);

        seen.ShouldBe(Enumerable.Reverse(created).ToList());
        var byPrefix = await admin.GetFromJsonAsync<JsonElement>($"/api/iam/users?email=merchantuser.&organizationId={merchant}&status=Active");
        Ids(byPrefix).Count.ShouldBe(5);
    }

    private static List<Guid> Ids(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid()).ToList();
}
