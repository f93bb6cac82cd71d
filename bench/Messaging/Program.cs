using System.Diagnostics;
using System.Text.Json;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Modular.BuildingBlocks.Infrastructure.Settings;
using Modular.BuildingBlocks.Web;
using Modular.Tests.Probe;
using Npgsql;

// N commands, each storing a ping and emitting PingRecorded through the outbox; the probe projection consumes each one.
// Measures delivered messages/s and commit-to-consume latency from the database, then checks nothing was lost or doubled.
var duration = TimeSpan.FromSeconds(int.Parse(Environment.GetEnvironmentVariable("BENCH_DURATION_S") ?? "60"));
var concurrency = int.Parse(Environment.GetEnvironmentVariable("BENCH_CONCURRENCY") ?? "16");
var settings = ServiceSettings.FromEnvironment();

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
builder.Configuration["Logging:LogLevel:Default"] = "Warning";
builder.Configuration["Messaging:ConcurrentMessageLimit"] = "32";
builder.Configuration["Messaging:PrefetchCount"] = "64";
// Production refuses to start without a strong signing key; the bench serves no tokens, so a random one will do.
builder.Configuration["Jwt:SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));
builder.AddModularPlatform([new ProbeModule()]);
await using var app = builder.Build();
await app.StartAsync();

await using var database = NpgsqlDataSource.Create(settings.Postgres.ConnectionString(4, "modular-bench"));
var warmUp = TimeSpan.FromSeconds(int.Parse(Environment.GetEnvironmentVariable("BENCH_WARMUP_S") ?? "30"));
var errors = 0;

// The JIT and the pools settle during the warm-up (dotnet-counters: tiered compilation runs for about 30 s under this load,
// at up to 3,700 methods per 5 s, then falls under 100); its messages are not measured (only pings created after it are).
Console.WriteLine($"Warming up for {warmUp.TotalSeconds:0} s ...");
await DriveAsync(warmUp, new System.Collections.Concurrent.ConcurrentBag<Guid>());
// The measured commands must not queue behind the warm-up's: wait until every warm-up ping has been consumed.
var warmUpDrained = Stopwatch.StartNew();
while (await ScalarAsync<long>("SELECT count(*) FROM probe.pings p WHERE NOT EXISTS (SELECT 1 FROM probe_read.mt_doc_pingdocument e WHERE e.id = p.id)") > 0
       && warmUpDrained.Elapsed < TimeSpan.FromSeconds(120))
{
    await Task.Delay(250);
}

Console.WriteLine($"Warm-up backlog drained in {warmUpDrained.Elapsed.TotalSeconds:0.0} s");
var runStarted = DateTime.UtcNow;
var pingIds = new System.Collections.Concurrent.ConcurrentBag<Guid>();
errors = 0;
var stopwatch = Stopwatch.StartNew();
Console.WriteLine($"Driving RecordPing commands with {concurrency} in flight for {duration.TotalSeconds:0} s ...");
await DriveAsync(duration, pingIds);
var driveSeconds = stopwatch.Elapsed.TotalSeconds;
var commands = pingIds.Count;
Console.WriteLine($"Commands committed: {commands} ({commands / driveSeconds:0} /s), errors: {errors}. Waiting for delivery ...");

// Drain: wait (bounded) until every command's event has been consumed.
var drainDeadline = DateTime.UtcNow.AddSeconds(120);
long consumed;
do
{
    consumed = await ScalarAsync<long>("SELECT coalesce(sum(e.applications), 0)::bigint FROM probe_read.mt_doc_pingdocument e JOIN probe.pings p ON p.id = e.id WHERE p.created_at >= $1", runStarted);
    if (consumed >= commands)
    {
        break;
    }

    await Task.Delay(500);
}
while (DateTime.UtcNow < drainDeadline);

var backlog = await ScalarAsync<long>("SELECT count(*) FROM probe.outbox_messages");
var stats = await ReadStatsAsync();
var duplicates = await ScalarAsync<long>(
    "SELECT count(*) FROM probe_read.mt_doc_pingdocument e JOIN probe.pings p ON p.id = e.id WHERE p.created_at >= $1 AND e.applications > 1", runStarted);
var lost = await ScalarAsync<long>(
    "SELECT count(*) FROM probe.pings p WHERE p.created_at >= $1 AND NOT EXISTS (SELECT 1 FROM probe_read.mt_doc_pingdocument e WHERE e.id = p.id)", runStarted);

Console.WriteLine($"""
    Delivered and consumed: {stats.Consumed} messages in {stats.WindowSeconds:0.0} s = {stats.Consumed / stats.WindowSeconds:0} messages/s
    Commit-to-consume latency: p50 {stats.P50:0.0} ms, p95 {stats.P95:0.0} ms, p99 {stats.P99:0.0} ms
    Errors: {errors}; backlog after drain: {backlog}; lost: {lost}; duplicates: {duplicates}
    """);

var result = new
{
    scenario = "messaging",
    started_at = runStarted.ToString("O"),
    duration_s = Math.Round(driveSeconds, 1),
    connections = concurrency,
    throughput_per_s = Math.Round(stats.Consumed / stats.WindowSeconds, 0),
    commands_per_s = Math.Round(commands / driveSeconds, 0),
    p50_ms = Math.Round(stats.P50, 1),
    p95_ms = Math.Round(stats.P95, 1),
    p99_ms = Math.Round(stats.P99, 1),
    errors,
    correctness = new { backlog, lost, duplicates, commands },
    cores = Environment.ProcessorCount,
};
var resultsDirectory = Path.Combine(FindRepositoryRoot(), "bench", "results");
Directory.CreateDirectory(resultsDirectory);
await File.WriteAllTextAsync(Path.Combine(resultsDirectory, "messaging.json"), JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true }));
await app.StopAsync();
return backlog == 0 && lost == 0 && duplicates == 0 && errors == 0 ? 0 : 1;

async Task DriveAsync(TimeSpan length, System.Collections.Concurrent.ConcurrentBag<Guid> committed)
{
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
    {
        while (clock.Elapsed < length)
        {
            var pingId = Guid.CreateVersion7();
            try
            {
                await using var scope = app.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RecordPing(pingId, "bench"));
                committed.Add(pingId);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                Interlocked.Increment(ref errors);
            }
        }
    }));
}

async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
{
    await using var command = database.CreateCommand(sql);
    foreach (var parameter in parameters)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = parameter });
    }

    return (T)(await command.ExecuteScalarAsync())!;
}

async Task<(long Consumed, double WindowSeconds, double P50, double P95, double P99)> ReadStatsAsync()
{
    // applied_at is when the projection first applied the ping (the document's duplicated field), created_at the row's
    // creation just before the producer's commit.
    await using var command = database.CreateCommand("""
        SELECT count(*),
               extract(epoch FROM max(e.applied_at) - min(e.applied_at)),
               percentile_cont(0.50) WITHIN GROUP (ORDER BY extract(epoch FROM e.applied_at - p.created_at) * 1000),
               percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM e.applied_at - p.created_at) * 1000),
               percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM e.applied_at - p.created_at) * 1000)
        FROM probe_read.mt_doc_pingdocument e JOIN probe.pings p ON p.id = e.id
        WHERE p.created_at >= $1
        """);
    command.Parameters.Add(new NpgsqlParameter { Value = runStarted });
    await using var reader = await command.ExecuteReaderAsync();
    await reader.ReadAsync();
    return (reader.GetInt64(0), Math.Max(0.001, (double)reader.GetDecimal(1)), reader.GetDouble(2), reader.GetDouble(3), reader.GetDouble(4));
}

static string FindRepositoryRoot()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Modular.sln")))
    {
        directory = directory.Parent;
    }

    return directory?.FullName ?? Directory.GetCurrentDirectory();
}
