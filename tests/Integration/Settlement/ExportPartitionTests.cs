using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Settlement;

/// <summary>
/// On a host of its own (its own broker and database, so no other host's worker takes its jobs), with a single-file
/// limit of 20 rows: larger exports are zipped 3-day partitions, and a job a stopped host left Running restarts cleanly.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class ExportPartitionTests(TestPlatform platform)
{
    [Fact]
    public async Task More_rows_than_the_single_file_limit_become_a_zip_of_3_day_partitions_and_a_stopped_hosts_job_restarts_cleanly()
    {
        var (_, isolated) = await platform.IsolatedHostAsync();
        var settings = isolated.Concat(new Dictionary<string, string>
        {
            ["Settlement:Exports:SingleFileRowLimit"] = "20",
            ["Settlement:Exports:Lease"] = "00:00:03",
        }).ToDictionary();
        await using var host = new ModularHostFactory(settings);
        var api = new SettlementApi(host);
        var day = SettlementApi.UniqueDay();
        var entries = Enumerable.Range(0, 20).Select(i => SettlementApi.Payment(Guid.CreateVersion7(), day.AddHours(i * 12 + 1))).ToList();
        await api.RecordAsync(entries);
        await api.LedgeredAsync(entries.Select(entry => entry.AcquisitionId), rows: 40);
        using var finance = api.Finance();
        var filter = new { requestedFrom = day, requestedTo = day.AddDays(10) };

        var accepted = await finance.PostAsJsonAsync("/api/settlement/exports", filter);
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var id = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var job = await SettlementApi.ReadyAsync(finance, id);

        job.GetProperty("fileName").GetString().ShouldEndWith(".zip");
        job.GetProperty("rowsWritten").GetInt64().ShouldBe(40);
        using var anonymous = host.CreateClient();
        var bytes = await anonymous.GetByteArrayAsync(job.GetProperty("download").GetProperty("url").GetString());
        using var zip = new ZipArchive(new MemoryStream(bytes));
        zip.Entries.Select(entry => entry.Name).ShouldBe([
            $"ledger-{day:yyyyMMdd}-{day.AddDays(2):yyyyMMdd}.csv", $"ledger-{day.AddDays(3):yyyyMMdd}-{day.AddDays(5):yyyyMMdd}.csv",
            $"ledger-{day.AddDays(6):yyyyMMdd}-{day.AddDays(8):yyyyMMdd}.csv", $"ledger-{day.AddDays(9):yyyyMMdd}-{day.AddDays(11):yyyyMMdd}.csv",
        ]);
        var rows = 0;
        foreach (var entry in zip.Entries)
        {
            using var content = new MemoryStream();
            await using (var stream = await entry.OpenAsync())
            {
                await stream.CopyToAsync(content);
            }

            var csv = content.ToArray();
            csv.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF }, entry.Name);
            var lines = ExportTests.Lines(csv);
            lines[0].ShouldStartWith("tax_form_id,");
            rows += lines.Count - 1;
        }

        rows.ShouldBe(40);

        // What a host that stopped mid-export leaves: the job Running under an expired lease and a partial upload.
        var crashed = Guid.CreateVersion7();
        await api.Database.ExecuteAsync($"""
            INSERT INTO settlement.export_jobs (id, requested_by, filter, filter_hash, status, attempts, created_at, started_at, lease_until)
            VALUES ('{crashed}', '{Guid.CreateVersion7()}', '{JsonSerializer.Serialize(new { RequestedFrom = day, RequestedTo = day.AddDays(10) })}',
                    'crashed', 'Running', 1, now(), now(), now() - interval '1 minute')
            """);
        var partial = Path.Combine(Path.GetTempPath(), "modular", "settlement-exports", ".partial", $"{crashed:N}", $"ledger-{crashed:N}.zip");
        Directory.CreateDirectory(Path.GetDirectoryName(partial)!);
        await File.WriteAllTextAsync(partial, "half a zip");

        await Eventually.HoldsAsync(async () => await api.Database.ScalarAsync<string>(
            "SELECT status FROM settlement.export_jobs WHERE id = $1", crashed) == "Ready", SettlementApi.Patience, "the abandoned job is run again");
        (await api.Database.ScalarAsync<int>("SELECT attempts FROM settlement.export_jobs WHERE id = $1", crashed)).ShouldBe(2);
        (await api.Database.ScalarAsync<long>("SELECT rows_written FROM settlement.export_jobs WHERE id = $1", crashed)).ShouldBe(40);
        File.Exists(partial).ShouldBeFalse("the partial upload was replaced and completed");
        var final = Path.Combine(Path.GetTempPath(), "modular", "settlement-exports", $"{crashed:N}", $"ledger-{crashed:N}.zip");
        using (var restarted = ZipFile.OpenRead(final))
        {
            restarted.Entries.Count.ShouldBe(4);
        }
    }
}
