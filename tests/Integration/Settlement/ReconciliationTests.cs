using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Tests.Integration.Acquisition;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Settlement;

/// <summary>
/// Against the real acquiring loop and its GetAcquisitionsOfDay, on a host with a broker and database of its own (so
/// every chunk the loop publishes reaches this host's ledger and no other's).
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class ReconciliationTests(TestPlatform platform)
{
    [Fact]
    public async Task A_run_repairs_missing_changed_and_extra_rows_from_Acquisitions_day_and_a_second_run_changes_nothing()
    {
        await using var acquiring = await AcquiringHost.StartAsync(platform);
        var api = new SettlementApi(acquiring.Host);
        var merchant = await acquiring.Api.CreateMerchantAsync();
        var payments = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            payments.Add(await acquiring.ApprovedPaymentAsync(merchant, 10_000 + i * 1_000));
        }

        await Eventually.HoldsAsync(() => Task.FromResult(payments.All(id => acquiring.Published.Any(entry => entry.PaymentId == id))),
            SettlementApi.Patience, "the loop acquired every payment");
        var acquired = acquiring.Published.Where(entry => payments.Contains(entry.PaymentId)).ToList();
        await api.LedgeredAsync(acquired.Select(entry => entry.AcquisitionId), rows: 10);
        var day = DateOnly.FromDateTime(acquired[0].AcquiredAt.UtcDateTime);

        // The ledger drifts: a row lost, an amount altered, a row of an acquisition Acquisition never made.
        await api.Database.ExecuteAsync($"DELETE FROM settlement_read.mt_doc_ledgerentry WHERE id = '{acquired[0].AcquisitionId}'");
        await api.Database.ExecuteAsync(
            $"UPDATE settlement_read.mt_doc_ledgerentry SET data = jsonb_set(data, '{{amount}}', '1') WHERE id = '{acquired[1].AcquisitionId}'");
        var stray = Guid.CreateVersion7();
        await api.Database.ExecuteAsync($$"""
            INSERT INTO settlement_read.mt_doc_ledgerentry (id, data, mt_version, requested_at, submitted_at, pg, pay_method, service_type,
                submit_type, transaction_type, organization_id, acquisition_id)
            SELECT '{{stray}}', jsonb_set(jsonb_set(data, '{id}', '"{{stray}}"'), '{acquisitionId}', '"{{stray}}"'), gen_random_uuid(), requested_at,
                   submitted_at, pg, pay_method, service_type, submit_type, transaction_type, organization_id, '{{stray}}'
              FROM settlement_read.mt_doc_ledgerentry WHERE id = '{{acquired[2].AcquisitionId}}'
            """);
        using var finance = api.Finance();

        var first = await ReconciledAsync(finance, day);

        (first.GetProperty("compared").GetInt64(), first.GetProperty("missing").GetInt64(), first.GetProperty("changed").GetInt64(),
            first.GetProperty("extra").GetInt64()).ShouldBe((5L, 1L, 1L, 1L));
        (await api.LedgerCountAsync(acquired.Select(entry => entry.AcquisitionId))).ShouldBe(10);
        (await api.LedgerCountAsync([stray])).ShouldBe(0);
        (await api.Database.ScalarAsync<string>(
            "SELECT data->>'amount' FROM settlement_read.mt_doc_ledgerentry WHERE id = $1", acquired[1].AcquisitionId)).ShouldBe($"{acquired[1].Amount}");
        (await api.Database.ScalarAsync<long>("SELECT count(*) FROM settlement.reconciliation_differences WHERE run_id = $1",
            first.GetProperty("id").GetGuid())).ShouldBe(3);

        var second = await ReconciledAsync(finance, day);
        (second.GetProperty("compared").GetInt64(), second.GetProperty("missing").GetInt64(), second.GetProperty("changed").GetInt64(),
            second.GetProperty("extra").GetInt64()).ShouldBe((5L, 0L, 0L, 0L), "a second run changes nothing");
        using var merchantAdmin = api.MerchantAdmin(Guid.CreateVersion7());
        (await merchantAdmin.PostAsJsonAsync("/api/settlement/reconciliations", new { day })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await finance.PostAsJsonAsync("/api/settlement/reconciliations", new { day = day.AddDays(2) })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private static async Task<JsonElement> ReconciledAsync(HttpClient finance, DateOnly day)
    {
        var accepted = await finance.PostAsJsonAsync("/api/settlement/reconciliations", new { day });
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync());
        JsonElement run = default;
        await Eventually.HoldsAsync(async () =>
        {
            run = await finance.GetFromJsonAsync<JsonElement>(accepted.Headers.Location);
            return run.GetProperty("status").GetString() == "Completed";
        }, SettlementApi.Patience, $"the reconciliation of {day} completes");
        return run;
    }
}
