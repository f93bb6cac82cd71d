using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Settlement;

[Collection(IntegrationCollection.Name)]
public sealed class ExportTests(TestPlatform platform)
{
    private const string Header =
        "tax_form_id,payment_id,order_no,pay_no,requested_at,paid_at,canceled_at,submitted_at,transaction_type,pg,pay_method," +
        "pay_method_detail,service_type,submit_type,cancel_type,year,report_no,amount,fee,vat,sale_amount,order_amount,pg_amount,difference";

    private readonly SettlementApi _api = new(platform.Host);

    [Fact]
    public async Task An_export_answers_202_at_once_a_retry_gets_the_same_job_and_the_csv_holds_every_matching_row_with_a_bom()
    {
        var day = SettlementApi.UniqueDay();
        var organization = Guid.CreateVersion7();
        var entries = Enumerable.Range(0, 25).Select(i => SettlementApi.Payment(organization, day.AddMinutes(i * 13), amount: 1_000 + i)).ToList();
        await _api.RecordAsync(entries);
        await _api.LedgeredAsync(entries.Select(entry => entry.AcquisitionId), rows: 50);
        using var finance = _api.Finance();
        var filter = DayFilter(day, transactionType: "Payment");

        var watch = Stopwatch.StartNew();
        var accepted = await finance.PostAsJsonAsync("/api/settlement/exports", filter);
        watch.Stop();
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var id = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        accepted.Headers.Location!.ToString().ShouldBe($"/api/settlement/exports/{id}");
        // Another host holds the job (a live lease under another attempt), whatever this host's worker did with it so far.
        await _api.Database.ExecuteAsync(
            "UPDATE settlement.export_jobs SET status = 'Running', attempts = 99, lease_until = now() + interval '1 hour' WHERE id = $1", id);

        var retries = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => finance.PostAsJsonAsync("/api/settlement/exports", filter)));

        retries.ShouldAllBe(answer => answer.StatusCode == HttpStatusCode.Accepted);
        var ids = await Task.WhenAll(retries.Select(async answer => (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()));
        ids.ShouldAllBe(retried => retried == id, "a retry while the job is active returns that job");
        // The other host stops: once its lease ran out this host's worker runs the job again, from the start.
        await _api.Database.ExecuteAsync("UPDATE settlement.export_jobs SET lease_until = now() - interval '1 second' WHERE id = $1", id);
        var job = await SettlementApi.ReadyAsync(finance, id);
        job.GetProperty("rowsCounted").GetInt64().ShouldBe(25);
        job.GetProperty("rowsWritten").GetInt64().ShouldBe(25);
        job.GetProperty("expiresAt").GetDateTimeOffset().ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddDays(6));

        var bytes = await DownloadAsync(job);
        job.GetProperty("sizeBytes").GetInt64().ShouldBe(bytes.Length);
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF }, "UTF-8 with BOM, so Excel reads Korean text");
        var lines = Lines(bytes);
        lines[0].ShouldBe(Header);
        lines.Count.ShouldBe(26);
        var first = entries[0];
        var row = lines.Single(line => line.Contains(first.PaymentId.ToString(), StringComparison.Ordinal)).Split(',');
        row.Length.ShouldBe(24);
        row[1].ShouldBe(first.PaymentId.ToString());
        row[2].ShouldBe(first.Reference.ToString());
        row[3].ShouldBe(first.ApprovalNumber);
        DateTimeOffset.Parse(row[4]).ShouldBe(first.ApprovedAt);
        row[6].ShouldBe("");
        row[8].ShouldBe("Payment");
        row[9].ShouldBe("MODULARPG");
        row[17].ShouldBe("1000");
        row[22].ShouldBe("725");
        row[23].ShouldBe("275");

        var again = await finance.PostAsJsonAsync("/api/settlement/exports", filter);
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid().ShouldNotBe(id, "a finished job is not active any more");
        var queue = await finance.GetFromJsonAsync<JsonElement>("/api/settlement/exports");
        queue.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid()).ShouldContain(id);
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5), "the POST only queues the job");
        (await _api.Database.ScalarAsync<int>("SELECT attempts FROM settlement.export_jobs WHERE id = $1", id)).ShouldBe(100);
    }

    [Fact]
    public async Task A_link_expires_after_a_minute_is_reissued_without_regenerating_and_a_forged_one_is_refused()
    {
        var day = SettlementApi.UniqueDay();
        var entries = Enumerable.Range(0, 3).Select(i => SettlementApi.Payment(Guid.CreateVersion7(), day.AddHours(i))).ToList();
        await _api.RecordAsync(entries);
        await _api.LedgeredAsync(entries.Select(entry => entry.AcquisitionId), rows: 6);
        using var finance = _api.Finance();
        var accepted = await finance.PostAsJsonAsync("/api/settlement/exports", DayFilter(day));
        var id = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var job = await SettlementApi.ReadyAsync(finance, id);
        var link = job.GetProperty("download").GetProperty("url").GetString()!;
        job.GetProperty("download").GetProperty("expiresAt").GetDateTimeOffset().ShouldBeLessThanOrEqualTo(platform.Host.Clock.GetUtcNow().AddMinutes(1).AddSeconds(1));
        using var anonymous = platform.Host.CreateClient();
        (await anonymous.GetAsync(link + "0")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await SettlementApi.CodeOf(await anonymous.GetAsync(link.Replace("signature=", "signature=0", StringComparison.Ordinal)))).ShouldBe("settlement.link_invalid");

        using (platform.Host.Clock.Advance(TimeSpan.FromMinutes(2)))
        {
            var expired = await anonymous.GetAsync(link);
            expired.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await SettlementApi.CodeOf(expired)).ShouldBe("settlement.link_expired");
            var reissued = await finance.GetFromJsonAsync<JsonElement>($"/api/settlement/exports/{id}");
            reissued.GetProperty("completedAt").GetDateTimeOffset().ShouldBe(job.GetProperty("completedAt").GetDateTimeOffset(), "the file was not regenerated");
            var fresh = await anonymous.GetAsync(reissued.GetProperty("download").GetProperty("url").GetString());
            fresh.StatusCode.ShouldBe(HttpStatusCode.OK);
            Lines(await fresh.Content.ReadAsByteArrayAsync()).Count.ShouldBe(7);
        }

        using var stranger = _api.Finance();
        (await stranger.GetAsync($"/api/settlement/exports/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "another user's job");
    }

    [Fact]
    public async Task A_merchant_admin_exports_only_their_organizations_rows_and_files_are_deleted_after_retention()
    {
        var day = SettlementApi.UniqueDay();
        var mine = Guid.CreateVersion7();
        var entries = Enumerable.Range(0, 4).Select(i => SettlementApi.Payment(mine, day.AddHours(i)))
            .Concat(Enumerable.Range(0, 6).Select(i => SettlementApi.Payment(Guid.CreateVersion7(), day.AddHours(i)))).ToList();
        await _api.RecordAsync(entries);
        await _api.LedgeredAsync(entries.Select(entry => entry.AcquisitionId), rows: 20);
        using var admin = _api.MerchantAdmin(mine);

        var accepted = await admin.PostAsJsonAsync("/api/settlement/exports", DayFilter(day));
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var id = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var job = await SettlementApi.ReadyAsync(admin, id);
        job.GetProperty("rowsWritten").GetInt64().ShouldBe(8);
        var merchantMark = mine.ToString("N")[..8].ToUpperInvariant();
        Lines(await DownloadAsync(job)).Skip(1).ShouldAllBe(line => line.Contains(merchantMark, StringComparison.Ordinal));
        var bad = await admin.PostAsJsonAsync("/api/settlement/exports", new { requestedFrom = day.AddDays(1), requestedTo = day });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        using (platform.Host.Clock.Advance(TimeSpan.FromDays(8)))
        {
            await Eventually.HoldsAsync(async () =>
                    (await admin.GetFromJsonAsync<JsonElement>($"/api/settlement/exports/{id}")).GetProperty("status").GetString() == "Expired",
                SettlementApi.Patience, "the file is deleted after its retention");
            var gone = await admin.GetFromJsonAsync<JsonElement>($"/api/settlement/exports/{id}");
            gone.GetProperty("download").ValueKind.ShouldBe(JsonValueKind.Null);
        }
    }

    private static object DayFilter(DateTimeOffset day, string? transactionType = null) =>
        new { requestedFrom = day, requestedTo = day.AddDays(1), transactionType };

    private async Task<byte[]> DownloadAsync(JsonElement job)
    {
        using var anonymous = platform.Host.CreateClient();
        var response = await anonymous.GetAsync(job.GetProperty("download").GetProperty("url").GetString());
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsByteArrayAsync();
    }

    internal static List<string> Lines(byte[] csv) =>
        Encoding.UTF8.GetString(csv).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
}
