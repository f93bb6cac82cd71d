using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Infrastructure.Settings;
using Modular.Tests.Integration.Acquisition;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Funding;

/// <summary>Arranges and reads Funding over HTTP as its users do, plus database reads for correctness checks.</summary>
public sealed class FundingApi(ModularHostFactory host)
{
    /// <summary>Card tokens of Acquisition's sandbox network (src/Host/appsettings.json).</summary>
    public const string ApprovingCard = "tok_visa_approve";
    public const string DecliningCard = "tok_decline_insufficient_funds";
    public const string SilentCard = "tok_no_answer";

    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly Lazy<TestDatabase> _database = new(() => new TestDatabase(host.Services.GetRequiredService<ServiceSettings>()));
    private readonly Lazy<Task<(Guid Organization, Guid Merchant)>> _merchant = new(() => RegisterMerchantAsync(host));

    public TestDatabase Database => _database.Value;

    public ModularHostFactory Host => host;

    public async Task<Guid> OrganizationAsync() => (await _merchant.Value).Organization;

    public async Task<Guid> MerchantAsync() => (await _merchant.Value).Merchant;

    public async Task<HttpClient> AdminAsync() => host.CreateClientAs(Guid.CreateVersion7(), await OrganizationAsync(), Roles.MerchantAdmin);

    public HttpClient Operator() => host.CreateClientAs(Guid.CreateVersion7(), null, Roles.FinanceOperator);

    public HttpClient Backer(Guid? backerId = null) => host.CreateClientAs(backerId ?? Guid.CreateVersion7(), null, Roles.Customer);

    public async Task<object> TermsAsync(long goal, TimeSpan? deadlineIn = null, params object[] tiers) => new
    {
        merchantId = await MerchantAsync(),
        title = $"Project {Guid.NewGuid():N}",
        goal,
        startsAt = host.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1),
        deadline = host.Clock.GetUtcNow().UtcDateTime.Add(deadlineIn ?? TimeSpan.FromDays(30)),
        tiers,
    };

    public static object Tier(long price, int? quantity, string name = "Reward") => new { name, price, quantity };

    /// <summary>Creates and opens a project; returns its id and its tiers' ids in the given order.</summary>
    public async Task<(Guid Id, IReadOnlyList<Guid> Tiers)> OpenProjectAsync(long goal, TimeSpan? deadlineIn = null, params object[] tiers)
    {
        using var admin = await AdminAsync();
        var created = await admin.PostAsJsonAsync("/api/funding/projects", await TermsAsync(goal, deadlineIn, tiers));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var project = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = project.GetProperty("id").GetGuid();
        var opened = await admin.PostAsync($"/api/funding/projects/{id}/open", null);
        opened.StatusCode.ShouldBe(HttpStatusCode.OK, await opened.Content.ReadAsStringAsync());
        return (id, project.GetProperty("tiers").EnumerateArray().Select(tier => tier.GetProperty("id").GetGuid()).ToList());
    }

    public static Task<HttpResponseMessage> PledgeAsync(
        HttpClient backer, Guid projectId, Guid? tierId, long? amount = null, string cardToken = ApprovingCard, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/funding/projects/{projectId}/pledges")
        {
            Content = JsonContent.Create(new { tierId, amount, cardToken }),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return backer.SendAsync(request);
    }

    /// <summary>Pledges and expects 202 with a Location; returns the pledge id.</summary>
    public static async Task<Guid> PledgedAsync(HttpClient backer, Guid projectId, Guid? tierId, long? amount = null, string cardToken = ApprovingCard)
    {
        var response = await PledgeAsync(backer, projectId, tierId, amount, cardToken);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        response.Headers.Location!.ToString().ShouldBe($"/api/funding/pledges/{id}");
        return id;
    }

    /// <summary>Polls the pledge's Location as its backer does until it shows <paramref name="status"/>.</summary>
    public static async Task<JsonElement> PolledAsync(HttpClient backer, Guid pledgeId, string status)
    {
        JsonElement pledge = default;
        await Eventually.HoldsAsync(async () =>
        {
            var response = await backer.GetAsync($"/api/funding/pledges/{pledgeId}");
            pledge = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
            return pledge.ValueKind == JsonValueKind.Object && pledge.GetProperty("status").GetString() == status;
        }, Patience, $"the backer sees pledge {pledgeId} {status}");
        return pledge;
    }

    /// <summary>Waits until the project page satisfies <paramref name="condition"/>, then returns it.</summary>
    public async Task<JsonElement> ProjectPageAsync(Guid projectId, Func<JsonElement, bool> condition, string description)
    {
        using var backer = Backer();
        JsonElement page = default;
        await Eventually.HoldsAsync(async () =>
        {
            var response = await backer.GetAsync($"/api/funding/projects/{projectId}");
            page = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
            return page.ValueKind == JsonValueKind.Object && condition(page);
        }, Patience, description);
        return page;
    }

    public static JsonElement TierOf(JsonElement page, Guid tierId) =>
        page.GetProperty("tiers").EnumerateArray().Single(tier => tier.GetProperty("id").GetGuid() == tierId);

    public Task<string> StatusAsync(Guid pledgeId) => Database.ScalarAsync<string>("SELECT status FROM funding.pledges WHERE id = $1", pledgeId);

    public Task<string> ProjectStatusAsync(Guid projectId) => Database.ScalarAsync<string>("SELECT status FROM funding.projects WHERE id = $1", projectId);

    public Task<int> ReservedAsync(Guid tierId) => Database.ScalarAsync<int>("SELECT reserved FROM funding.reward_tiers WHERE id = $1", tierId);

    public Task<long> RaisedAsync(Guid projectId) =>
        Database.ScalarAsync<long>("SELECT coalesce(sum(amount), 0)::bigint FROM funding.project_totals WHERE project_id = $1", projectId);

    public Task<long> BackersAsync(Guid projectId) =>
        Database.ScalarAsync<long>("SELECT coalesce(sum(backers), 0)::bigint FROM funding.project_totals WHERE project_id = $1", projectId);

    public Task<long> PledgesAsync(Guid projectId, string status) =>
        Database.ScalarAsync<long>("SELECT count(*) FROM funding.pledges WHERE project_id = $1 AND status = $2", projectId, status);

    public Task<string?> PaymentStatusAsync(Guid pledgeId) =>
        Database.ScalarAsync<string?>("SELECT max(status) FROM acquisition.payment_transactions WHERE reference = $1", pledgeId);

    public static async Task<string?> CodeOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();

    private static async Task<(Guid, Guid)> RegisterMerchantAsync(ModularHostFactory host)
    {
        var acquisition = new AcquisitionApi(host);
        var organization = await acquisition.OrganizationAsync();
        return (organization, await acquisition.CreateMerchantAsync(organization));
    }
}
