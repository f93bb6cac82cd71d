using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Modular.Acquisition.Contracts;
using Modular.Bench.Settlement;
using Modular.Bench.Settlement.Reference;
using Modular.BuildingBlocks.Infrastructure.Settings;
using Npgsql;

// Settlement's incident, replayed: a month of ledger rows with the tax season's skew, fed through the real ingestion
// path (AcquisitionsRecorded chunks of 1,000 on the bus, as Acquisition's acquiring loop publishes them), then an export
// of about a fifth of them (one CSV) and of all of them (3-day partitions, zipped), each timed from POST to file ready
// with the Host's resident memory sampled from /proc; then the seed's design (list, then write) on the same rows.
var settings = ServiceSettings.FromEnvironment();
await using var database = NpgsqlDataSource.Create(settings.Postgres.ConnectionString(4, "modular-bench-settlement"));
if (args is ["reference", var fromText, var toText, var target])
{
    Console.WriteLine(JsonSerializer.Serialize(await ListThenWrite.RunAsync(database, DateTimeOffset.Parse(fromText), DateTimeOffset.Parse(toText), target)));
    return 0;
}

var ledgerRows = long.Parse(Environment.GetEnvironmentVariable("BENCH_ROWS") ?? "5000000");
var root = RepositoryRoot();
var startedAt = DateTime.UtcNow;
await using var host = await HostUnderTest.StartAsync(root);

// 1. Ingestion, through the bus.
var publisher = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(settings.RabbitMq.Host, settings.RabbitMq.Port, settings.RabbitMq.VirtualHost, h =>
{
    h.Username(settings.RabbitMq.User);
    h.Password(settings.RabbitMq.Password);
}));
await publisher.StartAsync();
var ingestion = Stopwatch.StartNew();
long expected = 0;
foreach (var chunk in MonthOfAcquisitions.Chunks(ledgerRows, 1_000, seed: 21))
{
    expected += chunk.Count * 2L;
    await publisher.Publish(new AcquisitionsRecorded(chunk));
}

await publisher.StopAsync();
Console.WriteLine($"published {expected:N0} ledger rows' worth of acquisitions in {ingestion.Elapsed.TotalSeconds:0.0} s; waiting for the ledger");
long ledgered;
while ((ledgered = await ScalarAsync("SELECT count(*) FROM settlement_read.mt_doc_ledgerentry")) < expected)
{
    await Task.Delay(250);
}

ingestion.Stop();
var ingestionPerSecond = ledgered / ingestion.Elapsed.TotalSeconds;
Console.WriteLine($"ingestion: {ledgered:N0} rows in {ingestion.Elapsed.TotalSeconds:0.0} s = {ingestionPerSecond:N0} rows/s (target ≥ 20,000)");

// 2. Exports: the longest prefix of days with at most a fifth of the rows (one CSV), then the whole month (zip).
var days = new List<(DateTimeOffset Day, long Rows)>();
await using (var perDay = database.CreateCommand(
                 "SELECT date_trunc('day', requested_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', count(*) FROM settlement_read.mt_doc_ledgerentry GROUP BY 1 ORDER BY 1"))
await using (var reader = await perDay.ExecuteReaderAsync())
{
    while (await reader.ReadAsync())
    {
        days.Add((reader.GetFieldValue<DateTimeOffset>(0), reader.GetInt64(1)));
    }
}

var firstDay = days[0].Day;
var end = days[^1].Day.AddDays(1);
var fifthEnd = firstDay;
long fifth = 0;
foreach (var (day, rows) in days)
{
    if (fifth + rows > Math.Min(ledgered / 5, 1_000_000))
    {
        break;
    }

    fifth += rows;
    fifthEnd = day.AddDays(1);
}

var small = await ExportAsync("fifth", firstDay, fifthEnd);
var large = await ExportAsync("all", firstDay, end);

// 3. The seed's design on the same two filters, in a process capped at 4 GB of heap.
var referenceSmall = await ReferenceAsync(firstDay, fifthEnd);
var referenceLarge = await ReferenceAsync(firstDay, end);

var correct = small.RowsInFile == small.RowsInLedger && large.RowsInFile == large.RowsInLedger && small.SampleMismatches == 0 && large.SampleMismatches == 0;
var result = new
{
    scenario = "settlement",
    started_at = startedAt.ToString("O"),
    duration_s = Math.Round((DateTime.UtcNow - startedAt).TotalSeconds, 1),
    connections = 1,
    throughput_per_s = Math.Round(large.RowsPerSecond, 0),
    p50_ms = (double?)null,
    p95_ms = (double?)null,
    p99_ms = (double?)null,
    errors = correct ? 0 : 1,
    correctness = new
    {
        ledger_rows_expected = expected,
        ledger_rows = ledgered,
        fifth_rows_in_file = small.RowsInFile,
        fifth_rows_in_ledger = small.RowsInLedger,
        all_rows_in_file = large.RowsInFile,
        all_rows_in_ledger = large.RowsInLedger,
        sampled_rows = small.Sampled + large.Sampled,
        sample_mismatches = small.SampleMismatches + large.SampleMismatches,
    },
    cores = Environment.ProcessorCount,
    ingestion_rows_per_s = Math.Round(ingestionPerSecond, 0),
    exports = new[] { small, large },
    rss_growth_fifth_to_all = Math.Round((double)large.PeakRssBytes / small.PeakRssBytes - 1, 3),
    reference = new { design = "load all matching rows into a list, then write the CSV with reflection per cell (4 GB heap cap)", fifth = referenceSmall, all = referenceLarge },
    ratio = referenceLarge.GetProperty("outcome").GetString() == "completed"
        ? Math.Round(referenceLarge.GetProperty("seconds").GetDouble() / large.Seconds, 2)
        : (double?)null,
};
var json = JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true });
Console.WriteLine(json);
Directory.CreateDirectory(Path.Combine(root, "bench", "results"));
await File.WriteAllTextAsync(Path.Combine(root, "bench", "results", "settlement.json"), json);
return correct ? 0 : 1;

async Task<ExportRun> ExportAsync(string name, DateTimeOffset from, DateTimeOffset to)
{
    var inLedger = await ScalarAsync("SELECT count(*) FROM settlement_read.mt_doc_ledgerentry WHERE requested_at >= $1 AND requested_at < $2", from, to);
    var peak = host.ResidentBytes();
    var watch = Stopwatch.StartNew();
    var accepted = await host.Client.PostAsJsonAsync("/api/settlement/exports", new { requestedFrom = from, requestedTo = to });
    var acceptedMs = watch.Elapsed.TotalMilliseconds;
    accepted.EnsureSuccessStatusCode();
    var id = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    JsonElement job;
    while (true)
    {
        peak = Math.Max(peak, host.ResidentBytes());
        job = await host.Client.GetFromJsonAsync<JsonElement>($"/api/settlement/exports/{id}");
        var status = job.GetProperty("status").GetString();
        if (status is "Ready" or "Failed")
        {
            break;
        }

        await Task.Delay(100);
    }

    watch.Stop();
    if (job.GetProperty("status").GetString() != "Ready")
    {
        throw new InvalidOperationException($"export {name} failed: {job}");
    }

    var file = Path.Combine(Path.GetTempPath(), $"settlement-bench-{id:N}");
    await using (var download = await host.Client.GetStreamAsync(job.GetProperty("download").GetProperty("url").GetString()))
    await using (var target = File.Create(file))
    {
        await download.CopyToAsync(target);
    }

    var size = new FileInfo(file).Length;
    var (rows, sample) = await CsvRows.ReadAsync(file, job.GetProperty("fileName").GetString()!.EndsWith(".zip", StringComparison.Ordinal), 1_000, seed: 7);
    var mismatches = await CsvRows.MismatchesAsync(database, sample);
    File.Delete(file);
    var run = new ExportRun(name, job.GetProperty("fileName").GetString()!, inLedger, rows, Math.Round(watch.Elapsed.TotalSeconds, 2),
        Math.Round(rows / watch.Elapsed.TotalSeconds, 0), size, peak, Math.Round(acceptedMs, 1), sample.Count, mismatches);
    Console.WriteLine(JsonSerializer.Serialize(run));
    return run;
}

async Task<JsonElement> ReferenceAsync(DateTimeOffset from, DateTimeOffset to)
{
    var target = Path.Combine(Path.GetTempPath(), $"settlement-bench-reference-{Guid.NewGuid():N}.csv");
    var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true };
    start.ArgumentList.Add(typeof(ExportRun).Assembly.Location);
    foreach (var argument in new[] { "reference", from.ToString("O"), to.ToString("O"), target })
    {
        start.ArgumentList.Add(argument);
    }

    start.Environment["DOTNET_GCHeapHardLimit"] = "0x100000000";
    using var child = Process.Start(start)!;
    var output = await child.StandardOutput.ReadToEndAsync();
    await child.WaitForExitAsync();
    File.Delete(target);
    var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "{\"outcome\":\"crashed\"}";
    Console.WriteLine($"reference: {line}");
    return line.StartsWith('{') ? JsonDocument.Parse(line).RootElement.Clone() : JsonDocument.Parse("{\"outcome\":\"crashed\"}").RootElement.Clone();
}

async Task<long> ScalarAsync(string sql, params object[] parameters)
{
    await using var command = database.CreateCommand(sql);
    foreach (var parameter in parameters)
    {
        command.Parameters.AddWithValue(parameter);
    }

    return Convert.ToInt64(await command.ExecuteScalarAsync());
}

static string RepositoryRoot()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Modular.sln")))
    {
        directory = directory.Parent;
    }

    return directory?.FullName ?? throw new InvalidOperationException("Run the bench from inside the repository.");
}

internal sealed record ExportRun(
    string Name, string FileName, long RowsInLedger, long RowsInFile, double Seconds, double RowsPerSecond, long SizeBytes, long PeakRssBytes,
    double AcceptedMs, int Sampled, int SampleMismatches);
