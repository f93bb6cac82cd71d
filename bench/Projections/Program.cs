using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Modular.Bench.Projections;
using Modular.Bench.Projections.Reference;
using Modular.BuildingBlocks.Infrastructure.Settings;
using Modular.BuildingBlocks.Web;
using Modular.BuildingBlocks.Web.Modules;
using Modular.Ordering;
using Npgsql;

// 200,000 order events (placed, paid, cancelled; shuffled, so an outcome often arrives before its placement) waiting in
// the queues of the real projection consumers: first Ordering's Marten projections, then the reference design (the
// hand-written read tables and set-based SQL they replaced) on the same kind of events. Measures applied events/s from
// the consumers' start until every order shows its final state, and when each order got there.
var orders = int.Parse(Environment.GetEnvironmentVariable("BENCH_ORDERS") ?? "100000");
var publishers = int.Parse(Environment.GetEnvironmentVariable("BENCH_PUBLISHERS") ?? "32");
var settings = ServiceSettings.FromEnvironment();
await using var database = NpgsqlDataSource.Create(settings.Postgres.ConnectionString(4, "modular-bench"));
var startedAt = DateTime.UtcNow;

var marten = await RunAsync("marten", new OrderingModule(), "ordering-order",
    "SELECT count(*) FILTER (WHERE data->>'status' = 'Paid'), count(*) FILTER (WHERE data->>'status' = 'Cancelled') " +
    "FROM ordering_read.mt_doc_orderdocument WHERE id = ANY($1) AND data->>'placedAt' IS NOT NULL",
    "SELECT id, mt_last_modified FROM ordering_read.mt_doc_orderdocument WHERE id = ANY($1)");
var reference = await RunAsync("reference", new ReferenceProjectionModule(), "benchref-reference-order",
    "SELECT count(*) FILTER (WHERE status = 'Paid'), count(*) FILTER (WHERE status = 'Cancelled') FROM benchref.orders WHERE id = ANY($1)",
    "SELECT id, updated_at FROM benchref.orders WHERE id = ANY($1)");

Console.WriteLine($"Marten documents: {marten.EventsPerSecond:0} events/s; reference (raw SQL rows): {reference.EventsPerSecond:0} events/s; " +
    $"ratio {marten.EventsPerSecond / reference.EventsPerSecond:0.00}");
var result = new
{
    scenario = "projections",
    started_at = startedAt.ToString("O"),
    duration_s = Math.Round(marten.Seconds, 1),
    connections = publishers,
    throughput_per_s = Math.Round(marten.EventsPerSecond, 0),
    p50_ms = marten.P50,
    p95_ms = marten.P95,
    p99_ms = marten.P99,
    errors = marten.Errors,
    correctness = new { marten.Events, marten.WrongState, marten.Errors },
    cores = Environment.ProcessorCount,
    published_beforehand_per_s = Math.Round(marten.PublishedPerSecond, 0),
    reference = new
    {
        design = "hand-written read tables, one set-based upsert per batch (the read side before Marten)",
        throughput_per_s = Math.Round(reference.EventsPerSecond, 0),
        reference.P50, reference.P95, reference.P99,
        reference.WrongState, reference.Errors,

    },
    ratio = Math.Round(marten.EventsPerSecond / reference.EventsPerSecond, 2),
};
var resultsDirectory = Path.Combine(RepositoryRoot.Find(), "bench", "results");
Directory.CreateDirectory(resultsDirectory);
await File.WriteAllTextAsync(Path.Combine(resultsDirectory, "projections.json"), JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true }));
// The reference's wrong states are a finding about the old design, not a failure of this run.
return marten.WrongState == 0 && marten.Errors == 0 ? 0 : 1;

async Task<PhaseResult> RunAsync(string design, IModule module, string queuePrefix, string finalStatesSql, string lastWritesSql)
{
    // A first start declares the module's queues and bindings (and migrates); the events then wait in those queues,
    // published by a bus of their own, so the measured window is the projections' work alone.
    await using (var declaring = StartHost(module))
    {
        await declaring.StartAsync();
        await declaring.StopAsync();
    }

    var events = OrderEvents.Shuffled(orders, out var expectedPaid, out var ids);
    Console.WriteLine($"[{design}] publishing {events.Count} events for {orders} orders ...");
    var (published, errors) = await SendAsync(events, queuePrefix);
    Console.WriteLine($"[{design}] published at {published:0}/s; starting the consumers");

    await using var app = StartHost(module);
    var clock = Stopwatch.StartNew();
    await app.StartAsync();

    // Done when every order shows its outcome, or when nothing moved for 30 s (a design that loses updates never gets there).
    long paid = 0, cancelled = 0;
    var seconds = 0.0;
    var lastProgress = clock.Elapsed;
    while (clock.Elapsed - lastProgress < TimeSpan.FromSeconds(30))
    {
        var (nowPaid, nowCancelled) = await CountsAsync(finalStatesSql, ids);
        if (nowPaid + nowCancelled != paid + cancelled)
        {
            (paid, cancelled, seconds, lastProgress) = (nowPaid, nowCancelled, clock.Elapsed.TotalSeconds, clock.Elapsed);
        }

        if (paid + cancelled >= orders)
        {
            break;
        }

        await Task.Delay(250);
    }

    var latencies = await LatenciesAsync(lastWritesSql, ids, clock, seconds);
    await app.StopAsync();

    var wrong = Math.Abs(paid - expectedPaid) + Math.Abs(cancelled - (orders - expectedPaid));
    var phase = new PhaseResult(events.Count, seconds, events.Count / seconds, published,
        Percentile(latencies, 0.50), Percentile(latencies, 0.95), Percentile(latencies, 0.99), wrong, errors);
    Console.WriteLine($"[{design}] {phase.Events} events applied in {seconds:0.0} s = {phase.EventsPerSecond:0} events/s " +
        $"(published beforehand at {phase.PublishedPerSecond:0}/s); consumers' start to an order's last write p50 {phase.P50} ms, p95 {phase.P95} ms, p99 {phase.P99} ms; " +
        $"orders in a wrong final state: {wrong}; publish errors: {errors}");
    return phase;
}

async Task<(long Paid, long Cancelled)> CountsAsync(string sql, Guid[] ids)
{
    await using var command = database.CreateCommand(sql);
    command.Parameters.Add(new NpgsqlParameter { Value = ids });
    await using var reader = await command.ExecuteReaderAsync();
    await reader.ReadAsync();
    return (reader.GetInt64(0), reader.GetInt64(1));
}

async Task<List<double>> LatenciesAsync(string sql, Guid[] ids, Stopwatch clock, double seconds)
{
    // Each order's last write, measured from the moment the consumers started (the queues were full by then).
    var started = DateTime.UtcNow - clock.Elapsed;
    await using var command = database.CreateCommand(sql);
    command.Parameters.Add(new NpgsqlParameter { Value = ids });
    await using var reader = await command.ExecuteReaderAsync();
    var latencies = new List<double>(ids.Length);
    while (await reader.ReadAsync())
    {
        latencies.Add(Math.Clamp((reader.GetFieldValue<DateTime>(1) - started).TotalMilliseconds, 0, seconds * 1000));
    }

    latencies.Sort();
    return latencies;
}

// Sent to the projections' own endpoints (their exchanges, as MassTransit binds one to each queue; not published): the checkout saga also hears OrderCancelled, and its work
// would be measured with the projections'.
async Task<(double PerSecond, int Errors)> SendAsync(List<OrderEvents.Event> events, string queuePrefix)
{
    var publisher = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(settings.RabbitMq.Host, (ushort)settings.RabbitMq.Port, settings.RabbitMq.VirtualHost, host =>
    {
        host.Username(settings.RabbitMq.User);
        host.Password(settings.RabbitMq.Password);
    }));
    await publisher.StartAsync();
    var errors = 0;
    var queue = new ConcurrentQueue<OrderEvents.Event>(events);
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, publishers).Select(async _ =>
    {
        while (queue.TryDequeue(out var next))
        {
            try
            {
                var endpoint = await publisher.GetSendEndpoint(new Uri($"exchange:{queuePrefix}-{next.Kind}-projection"));
                await endpoint.Send(next.Message, next.Message.GetType());
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                Interlocked.Increment(ref errors);
            }
        }
    }));
    var perSecond = events.Count / clock.Elapsed.TotalSeconds;
    await publisher.StopAsync();
    return (perSecond, errors);
}

WebApplication StartHost(IModule module)
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
    builder.Configuration["Logging:LogLevel:Default"] = "Warning";
    // Production refuses to start without a strong signing key; the bench serves no tokens, so a random one will do.
    builder.Configuration["Jwt:SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));
    builder.AddModularPlatform([module]);
    return builder.Build();
}

static double Percentile(List<double> sorted, double quantile) =>
    sorted.Count == 0 ? double.NaN : Math.Round(sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(quantile * sorted.Count))], 1);

internal sealed record PhaseResult(
    int Events, double Seconds, double EventsPerSecond, double PublishedPerSecond, double P50, double P95, double P99, long WrongState, int Errors);
