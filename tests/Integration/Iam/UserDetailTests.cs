using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Iam;

[Collection(IntegrationCollection.Name)]
public sealed class UserDetailTests(TestPlatform platform)
{
    private readonly IamApi _api = new(platform.Iam.Factory);

    [Fact]
    public async Task A_user_reads_itself_its_organizations_admin_and_operators_read_it_and_nobody_else_does()
    {
        var merchantA = await _api.CreateOrganizationAsync();
        var merchantB = await _api.CreateOrganizationAsync();
        var (adminAId, adminA) = await _api.CreateUserAsync(merchantA, "MerchantAdmin");
        var (clerkId, clerk) = await _api.CreateUserAsync(merchantA, "MerchantUser");
        var (_, adminB) = await _api.CreateUserAsync(merchantB, "MerchantAdmin");
        var shopper = await _api.RegisterCustomerAsync();
        using var asAdminA = await _api.ClientOfAsync(adminA);
        using var asClerk = await _api.ClientOfAsync(clerk);
        using var asAdminB = await _api.ClientOfAsync(adminB);
        using var asShopper = await _api.ClientOfAsync(shopper);
        using var asPlatformAdmin = await _api.AdminAsync();

        var byAdmin = await asAdminA.GetFromJsonAsync<JsonElement>($"/api/iam/users/{clerkId}");
        byAdmin.GetProperty("email").GetString().ShouldBe(clerk);
        byAdmin.GetProperty("organizationId").GetGuid().ShouldBe(merchantA);
        byAdmin.GetProperty("roles").EnumerateArray().Select(role => role.GetString()).ShouldBe(["MerchantUser"]);
        (await asClerk.GetAsync($"/api/iam/users/{clerkId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await asPlatformAdmin.GetAsync($"/api/iam/users/{clerkId}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var fromOtherOrganization = await asAdminB.GetAsync($"/api/iam/users/{clerkId}");
        fromOtherOrganization.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await IamApi.CodeOf(fromOtherOrganization)).ShouldBe("iam.user_not_found");
        (await asClerk.GetAsync($"/api/iam/users/{adminAId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await asShopper.GetAsync($"/api/iam/users/{clerkId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _api.Anonymous().GetAsync($"/api/iam/users/{clerkId}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await asPlatformAdmin.GetAsync($"/api/iam/users/{Guid.CreateVersion7()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
