using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Modular.BuildingBlocks.Infrastructure.Settings;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Iam;

/// <summary>Arranges IAM over HTTP as its users do: the bootstrap admin creates organizations and users, who log in.</summary>
public sealed class IamApi(WebApplicationFactory<Program> host)
{
    public const string Password = "correct-horse-battery";

    private readonly Lazy<TestDatabase> _database = new(() => new TestDatabase(host.Services.GetRequiredService<ServiceSettings>()));

    /// <summary>The database this host runs on.</summary>
    public TestDatabase Database => _database.Value;

    public HttpClient Anonymous() => host.CreateClient();

    public Task<HttpResponseMessage> LoginAsync(string email, string password) =>
        Anonymous().PostAsJsonAsync("/api/iam/token", new { email, password });

    public async Task<HttpClient> ClientOfAsync(string email, string password = Password)
    {
        var response = await LoginAsync(email, password);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public Task<HttpClient> AdminAsync() => ClientOfAsync(IamHost.AdminEmail, IamHost.AdminPassword);

    public async Task<Guid> CreateOrganizationAsync(string kind = "Merchant", string? name = null)
    {
        using var admin = await AdminAsync();
        var response = await admin.PostAsJsonAsync("/api/iam/organizations", new
        {
            kind,
            name = name ?? $"{kind} {Guid.NewGuid():N}",
            registrationNumber = $"REG-{Guid.NewGuid():N}",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Creates an active user of the organization (as the bootstrap admin) and returns its e-mail address.</summary>
    public async Task<(Guid Id, string Email)> CreateUserAsync(Guid organizationId, string role, string? email = null)
    {
        using var admin = await AdminAsync();
        email ??= $"{role.ToLowerInvariant()}.{Guid.NewGuid():N}@iam-tests.example";
        var response = await admin.PostAsJsonAsync($"/api/iam/organizations/{organizationId}/users", new
        {
            email,
            name = role,
            roles = new[] { role },
            password = Password,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return ((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), email);
    }

    public async Task<string> RegisterCustomerAsync(string? email = null)
    {
        email ??= $"shopper.{Guid.NewGuid():N}@iam-tests.example";
        var response = await Anonymous().PostAsJsonAsync("/api/iam/customers", new { email, password = Password, name = "Shopper" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return email;
    }

    public static async Task<string?> CodeOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("code", out var code) ? code.GetString() : null;

    /// <summary>Polls until the read side lists what the condition asks for.</summary>
    public static async Task<JsonElement> EventuallyAsync(HttpClient client, string url, Func<JsonElement, bool> condition, string description)
    {
        JsonElement page = default;
        await Eventually.HoldsAsync(async () =>
        {
            page = await client.GetFromJsonAsync<JsonElement>(url);
            return condition(page);
        }, TimeSpan.FromSeconds(30), description);
        return page;
    }
}
