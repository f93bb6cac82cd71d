using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Tests.Integration.Hardening;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Browser.Support;

/// <summary>Arranges what a screen shows through the Host's API, as its users would: the bootstrap admin creates the rest.</summary>
public sealed class ConsoleApi(HostProcess host)
{
    public const string Password = "browser-tests-password";

    private readonly ConcurrentDictionary<string, Task<HttpClient>> _clients = new();

    public sealed record MerchantUser(string Email, Guid Id, Guid OrganizationId);

    /// <summary>What most screens start from: a merchant organization, its merchant in Acquisition, and its admin.</summary>
    public sealed record Shop(Guid Organization, Guid Merchant, MerchantUser Admin);

    /// <summary>A Merchant organization with a Korean name, created by the platform admin.</summary>
    public async Task<Guid> OrganizationAsync(string? name = null)
    {
        var admin = await AdminAsync();
        var created = await CreatedAsync(await admin.PostAsJsonAsync("/api/iam/organizations", new
        {
            kind = "Merchant",
            name = name ?? $"한빛상사 {Unique()}",
            registrationNumber = $"BR-{Unique()}",
        }));
        return created.GetProperty("id").GetGuid();
    }

    public async Task<Shop> ShopAsync()
    {
        var organization = await OrganizationAsync();
        var merchant = (await MerchantAsync(organization)).GetProperty("id").GetGuid();
        return new Shop(organization, merchant, await UserAsync(organization, "MerchantAdmin"));
    }

    /// <summary>A user of <paramref name="organizationId"/> with the given role, who logs in with <see cref="Password"/>.</summary>
    public async Task<MerchantUser> UserAsync(Guid organizationId, string role, string? email = null)
    {
        email ??= $"{role.ToLowerInvariant()}.{Unique()}@browser.test";
        var admin = await AdminAsync();
        var created = await CreatedAsync(await admin.PostAsJsonAsync($"/api/iam/organizations/{organizationId}/users", new
        {
            email,
            name = $"직원 {Unique()}",
            roles = new[] { role },
            password = Password,
        }));
        return new MerchantUser(email, created.GetProperty("id").GetGuid(), organizationId);
    }

    /// <summary>A staff user of no organization (an operator role), created by the platform admin in the platform's organization.</summary>
    public async Task<string> OperatorAsync(string role)
    {
        var admin = await AdminAsync();
        // The bootstrap admin belongs to the platform's organization: its token's org claim names it.
        var payload = admin.DefaultRequestHeaders.Authorization!.Parameter!.Split('.')[1].Replace('-', '+').Replace('_', '/');
        var claims = JsonDocument.Parse(Convert.FromBase64String(payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '='))).RootElement;
        return (await UserAsync(claims.GetProperty("org").GetGuid(), role)).Email;
    }

    /// <summary>A merchant of the organization, once Acquisition has heard of the organization.</summary>
    public async Task<JsonElement> MerchantAsync(Guid organizationId, string? name = null)
    {
        var admin = await AdminAsync();
        JsonElement merchant = default;
        await Eventually.HoldsAsync(async () =>
        {
            var response = await admin.PostAsJsonAsync("/api/acquisition/merchants", new
            {
                organizationId,
                name = name ?? $"가맹점 {Unique()}",
                feeRate = 0.025m,
                vatRule = "Taxable10Percent",
                settlementCycle = "D1",
            });
            if (response.StatusCode == HttpStatusCode.Created)
            {
                merchant = await response.Content.ReadFromJsonAsync<JsonElement>();
                return true;
            }

            response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, await response.Content.ReadAsStringAsync());
            return false;
        }, TimeSpan.FromSeconds(30), $"Acquisition registers a merchant of organization {organizationId}");
        return merchant;
    }

    /// <summary>
    /// Waits until <paramref name="path"/>, read by the platform admin (or the user <paramref name="asEmail"/>), satisfies
    /// <paramref name="condition"/> (read models and the acquiring loop lag).
    /// </summary>
    public async Task<JsonElement> ReadAsync(string path, Func<JsonElement, bool> condition, string description, string? asEmail = null)
    {
        var admin = asEmail is null ? await AdminAsync() : await AsAsync(asEmail);
        JsonElement read = default;
        await Eventually.HoldsAsync(async () =>
        {
            var response = await admin.GetAsync(path);
            read = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
            return response.IsSuccessStatusCode && condition(read);
        }, TimeSpan.FromSeconds(60), description);
        return read;
    }

    /// <summary>A product of the merchant, created by its organization's admin.</summary>
    public async Task<Guid> ProductAsync(MerchantUser admin, Guid merchantId, string name, long price = 15_000, int stock = 20)
    {
        var client = await AsAsync(admin.Email);
        var created = await CreatedAsync(await client.PostAsJsonAsync("/api/ordering/products", new { merchantId, name, price, stock }));
        return created.GetProperty("id").GetGuid();
    }

    /// <summary>A shopper registers, logs in and orders <paramref name="quantity"/> of the product, paying with the sandbox's approving card.</summary>
    public async Task<Guid> OrderAsync(Guid productId, int quantity)
    {
        using var shopper = await ShopperAsync();
        var placed = await CreatedAsync(await shopper.PostAsJsonAsync("/api/ordering/orders", new
        {
            lines = new[] { new { productId, quantity } },
            cardToken = "tok_visa_approve",
        }));
        return placed.GetProperty("id").GetGuid();
    }

    /// <summary>A B2B buyer registers, logs in and submits a bulk order of the lines (best effort, the sandbox's approving card).</summary>
    public async Task<Guid> BulkOrderAsync(params (Guid ProductId, int Quantity)[] lines)
    {
        using var buyer = await ShopperAsync();
        var accepted = await CreatedAsync(await buyer.PostAsJsonAsync("/api/ordering/bulk-orders", new
        {
            mode = "BestEffort",
            lines = lines.Select(line => new { productId = line.ProductId, quantity = line.Quantity }),
            cardToken = "tok_visa_approve",
        }));
        return accepted.GetProperty("id").GetGuid();
    }

    /// <summary>A shopper (or backer) who registered through the storefront API, logged in.</summary>
    public async Task<HttpClient> ShopperAsync()
    {
        var email = $"shopper.{Unique()}@browser.test";
        using var anonymous = host.CreateClient();
        await CreatedAsync(await anonymous.PostAsJsonAsync("/api/iam/customers", new { email, password = Password, name = "이민호" }));
        return await host.LoggedInAsync(email, Password);
    }

    /// <summary>
    /// A client of the given user's own login, logged in once per run (a login hashes the password: each costs time);
    /// shared, so callers do not dispose it.
    /// </summary>
    public Task<HttpClient> AsAsync(string email, string password = Password) => _clients.GetOrAdd(email, _ => host.LoggedInAsync(email, password));

    /// <summary>The Host's bootstrap platform admin, who creates organizations, merchants and users.</summary>
    public Task<HttpClient> AdminAsync() => AsAsync(HostProcess.AdminEmail, HostProcess.AdminPassword);

    public static async Task<JsonElement> CreatedAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBeOneOf([HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.Accepted], await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static string Unique() => Guid.NewGuid().ToString("N")[..8];
}
