using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Modular.Acquisition.Contracts;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Infrastructure.Settings;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Settlement;

/// <summary>
/// Feeds Settlement as Acquisition's acquiring loop does (AcquisitionsRecorded on the real bus) and reads it over HTTP
/// as finance operators and merchant admins do.
/// </summary>
public sealed class SettlementApi(ModularHostFactory host)
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly Lazy<TestDatabase> _database = new(() => new TestDatabase(host.Services.GetRequiredService<ServiceSettings>()));

    public TestDatabase Database => _database.Value;

    public ModularHostFactory Host => host;

    public HttpClient Finance(Guid? userId = null) => host.CreateClientAs(userId ?? Guid.CreateVersion7(), null, Roles.FinanceOperator);

    public HttpClient MerchantAdmin(Guid organizationId, Guid? userId = null) =>
        host.CreateClientAs(userId ?? Guid.CreateVersion7(), organizationId, Roles.MerchantAdmin);

    /// <summary>A day of its own for each test, far from others', so filters by date see only the test's rows.</summary>
    public static DateTimeOffset UniqueDay() =>
        new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(Random.Shared.Next(0, 3_000));

    public static AcquisitionEntry Payment(
        Guid organizationId, DateTimeOffset approvedAt, long amount = 10_000, long fee = 250, long vat = 25, Guid? merchantId = null) =>
        new(Guid.CreateVersion7(), "Payment", Guid.CreateVersion7(), merchantId ?? organizationId, organizationId, Guid.CreateVersion7(),
            $"{Random.Shared.Next(10_000_000, 99_999_999)}", "Card", "411111", amount, fee, vat, approvedAt, null, approvedAt.AddHours(2));

    public static AcquisitionEntry Cancellation(AcquisitionEntry payment, DateTimeOffset canceledAt) =>
        payment with { AcquisitionId = Guid.CreateVersion7(), Kind = "Cancellation", CanceledAt = canceledAt, AcquiredAt = canceledAt.AddHours(1) };

    /// <summary>Publishes one committed chunk, as the acquiring loop's outbox does (optionally with a given message id, to redeliver it).</summary>
    public async Task RecordAsync(IReadOnlyList<AcquisitionEntry> entries, Guid? messageId = null)
    {
        var bus = host.Services.GetRequiredService<IBus>();
        await bus.Publish(new AcquisitionsRecorded(entries), context =>
        {
            if (messageId is { } id)
            {
                context.MessageId = id;
            }
        });
    }

    public Task<long> LedgerCountAsync(IEnumerable<Guid> acquisitionIds) =>
        Database.ScalarAsync<long>("SELECT count(*) FROM settlement_read.mt_doc_ledgerentry WHERE acquisition_id = ANY($1)", acquisitionIds.ToArray());

    public async Task LedgeredAsync(IEnumerable<Guid> acquisitionIds, long rows)
    {
        var ids = acquisitionIds.ToArray();
        await Eventually.HoldsAsync(async () => await LedgerCountAsync(ids) == rows, Patience, $"{rows} ledger rows for the acquisitions");
    }

    public static async Task<JsonElement> PageAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/settlement/ledger?{query}");
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static IReadOnlyList<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray().ToList();

    public static string Day(DateTimeOffset day) =>
        $"requestedFrom={Uri.EscapeDataString(day.ToString("O"))}&requestedTo={Uri.EscapeDataString(day.AddDays(1).ToString("O"))}";

    /// <summary>Polls an export's Location until it is Ready (failing at once if it Failed).</summary>
    public static async Task<JsonElement> ReadyAsync(HttpClient client, Guid id)
    {
        JsonElement job = default;
        await Eventually.HoldsAsync(async () =>
        {
            job = await client.GetFromJsonAsync<JsonElement>($"/api/settlement/exports/{id}");
            job.GetProperty("status").GetString().ShouldNotBe("Failed", job.ToString());
            return job.GetProperty("status").GetString() == "Ready";
        }, Patience, $"export {id} is ready");
        return job;
    }

    public static async Task<string> CodeOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
}
