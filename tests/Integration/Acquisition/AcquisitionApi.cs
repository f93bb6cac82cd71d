using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Infrastructure.Settings;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Acquisition;

/// <summary>Arranges and reads Acquisition over HTTP as its users do, plus database reads for what is stored.</summary>
public sealed class AcquisitionApi(WebApplicationFactory<Program> host)
{
    private readonly Lazy<TestDatabase> _database = new(() => new TestDatabase(host.Services.GetRequiredService<ServiceSettings>()));

    /// <summary>The database this host runs on.</summary>
    public TestDatabase Database => _database.Value;

    public HttpClient PlatformAdmin() => host.CreateClientAs(Guid.CreateVersion7(), null, Roles.PlatformAdmin);

    public HttpClient Operator() => host.CreateClientAs(Guid.CreateVersion7(), null, Roles.FinanceOperator);

    public HttpClient MerchantAdmin(Guid organizationId) => host.CreateClientAs(Guid.CreateVersion7(), organizationId, Roles.MerchantAdmin);

    public static object Settings(Guid organizationId, decimal? feeRate = 0.025m, string? registrationNumber = null) => new
    {
        organizationId,
        name = $"Merchant {Guid.NewGuid():N}",
        businessRegistrationNumber = registrationNumber,
        feeRate,
        vatRule = "Taxable10Percent",
        settlementCycle = "D1",
    };

    /// <summary>
    /// An active IAM organization (of kind Merchant unless told), arranged as IAM stores it: a merchant must belong to an
    /// active Merchant organization. An existing id is left as it is.
    /// </summary>
    public Task<Guid> OrganizationAsync(Guid? id = null, string kind = "Merchant") => Database.ScalarAsync<Guid>(
        """
        WITH arranged AS (
            INSERT INTO iam.organizations (id, kind, name, registration_number, status, created_at)
            VALUES ($1, $2, 'Arranged ' || $1::text, 'ARR-' || $1::text, 'Active', now()) ON CONFLICT (id) DO NOTHING)
        SELECT $1::uuid
        """, id ?? Guid.CreateVersion7(), kind);

    public async Task<Guid> CreateMerchantAsync(Guid? organizationId = null)
    {
        using var admin = PlatformAdmin();
        var response = await admin.PostAsJsonAsync("/api/acquisition/merchants", Settings(await OrganizationAsync(organizationId)));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Waits until the read side lists the transaction of <paramref name="reference"/> in <paramref name="status"/>.</summary>
    public async Task<JsonElement> ListedAsync(Guid merchantId, Guid reference, string status)
    {
        using var reader = Operator();
        JsonElement listed = default;
        await Eventually.HoldsAsync(async () =>
        {
            var page = await reader.GetFromJsonAsync<JsonElement>($"/api/acquisition/transactions?merchantId={merchantId}&limit=200");
            listed = page.GetProperty("items").EnumerateArray().FirstOrDefault(item => item.GetProperty("reference").GetGuid() == reference);
            return listed.ValueKind == JsonValueKind.Object && listed.GetProperty("status").GetString() == status;
        }, TimeSpan.FromSeconds(30), $"the transaction list shows {reference} {status}");
        return listed;
    }

    public Task<long> TransactionsOfAsync(Guid merchantId, Guid reference) => Database.ScalarAsync<long>(
        "SELECT count(*) FROM acquisition.payment_transactions WHERE merchant_id = $1 AND reference = $2", merchantId, reference);

    public Task<string> StoredStatusAsync(Guid merchantId, Guid reference) => Database.ScalarAsync<string>(
        "SELECT status FROM acquisition.payment_transactions WHERE merchant_id = $1 AND reference = $2", merchantId, reference);

    /// <summary>The whole stored row as text, to prove what it does not contain.</summary>
    public Task<string> StoredRowAsync(Guid merchantId, Guid reference) => Database.ScalarAsync<string>(
        "SELECT row_to_json(t)::text FROM acquisition.payment_transactions t WHERE merchant_id = $1 AND reference = $2", merchantId, reference);
}
