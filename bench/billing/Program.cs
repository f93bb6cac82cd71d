using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Bench.Billing;
using Modular.Bench.Billing.Reference;
using Modular.BuildingBlocks.Infrastructure.Settings;
using Modular.Tests.Integration.Billing;
using Modular.Tests.Integration.Hardening;
using Modular.Tests.Integration.Support;
using Npgsql;
using Shouldly;

// Billing's incident, replayed: a month's invoices (BENCH_INVOICES for BENCH_ORGANIZATIONS organizations, so several
// months of one invoice per organization) dispatched at once through an SMTP relay taking BENCH_SMTP_RATE mails a
// second, while other users keep using the API; then PDFs rendered through the API; then the seed's flow on the same
// invoices. maildev's own record judges what was mailed.
var invoices = Knob("BENCH_INVOICES", 1_000);
var organizations = Knob("BENCH_ORGANIZATIONS", 300);
var smtpRate = Knob("BENCH_SMTP_RATE", 20);
var pdfs = Knob("BENCH_PDFS", Math.Min(invoices, 300));
var pdfConcurrency = Knob("BENCH_PDF_CONCURRENCY", 4);
var startedAt = DateTime.UtcNow;
var services = ServiceSettings.FromEnvironment();
var maildev = new Uri($"http://{services.Smtp.Host}:{Environment.GetEnvironmentVariable("MODULAR_MAILDEV_WEB_PORT") ?? "1080"}");
await using var database = NpgsqlDataSource.Create(services.Postgres.ConnectionString(2, "bench-billing-monitor"));
await using var relay = new ThrottlingSmtpProxy(services.Smtp.Port, smtpRate, refusedDomain: "refused.invalid");
await using var host = await HostProcess.StartAsync(new Dictionary<string, string>
{
    ["MODULAR_SMTP_PORT"] = relay.Port.ToString(),
    ["Email:PermitsPerSecond"] = smtpRate.ToString(),
    ["Email:Burst"] = Math.Max(1, smtpRate / 4).ToString(),
    ["Email:MaxAttempts"] = "20",
}, environment: "Production");
using var admin = await host.AdminAsync();

// 1. Arrange over the API: organizations with a primary contact, a price plan, usage, invoices generated and issued.
var domain = $"{Guid.NewGuid():N}.bench.example";
Console.WriteLine($"arranging {invoices:N0} invoices for {organizations:N0} organizations");
var customers = await BillingApi.CustomersAsync(admin, organizations, domain);
await BillingApi.PriceAsync(admin, "api-calls", 3m, 0);
var ids = new List<Guid>();
var organizationOf = new Dictionary<Guid, Guid>();
for (var month = 1; ids.Count < invoices; month++)
{
    var monthText = $"2031-{month:00}";
    var billed = customers.Take(Math.Min(organizations, invoices - ids.Count)).ToList();
    await BillingApi.UsageAsync(admin, billed, monthText, "api-calls", 1_000 + month);
    await BillingApi.GenerateAsync(admin, monthText);
    await BillingApi.IssueAsync(admin, monthText);
    foreach (var row in await IssuedAsync(monthText, billed.Count))
    {
        ids.Add(row.GetProperty("id").GetGuid());
        organizationOf[row.GetProperty("id").GetGuid()] = row.GetProperty("organizationId").GetGuid();
    }
}

// 2. The dispatch, with other requests timed and the pools' connections sampled meanwhile.
var peaks = new ConnectionPeaks(database);
var others = new OtherRequests(admin, ["/api/billing/invoices?month=2031-01&limit=50", "/api/billing/price-plans", "/api/iam/organizations?limit=50"], workers: 2);
var dispatchWatch = Stopwatch.StartNew();
var dispatchId = await BillingApi.DispatchAsync(admin, new { invoiceIds = ids });
var progress = await BillingApi.FinishedAsync(admin, dispatchId, TimeSpan.FromSeconds(invoices * 3.0 / smtpRate + 120), () => host.OutputTail);
dispatchWatch.Stop();
var latency = await others.StopAsync();
var connections = await peaks.StopAsync();
var mailed = await BillingApi.MailedInvoicesAsync(maildev, domain);
var dispatchSeconds = dispatchWatch.Elapsed.TotalSeconds;
Console.WriteLine($"dispatch: {progress}\n{dispatchSeconds:0.0} s (target ≤ {invoices / (double)smtpRate + 15:0} s), relay throttled {relay.Throttled}, " +
                  $"other requests p99 {latency.P99} ms, connections (peak open/peak active/used) {string.Join(", ", connections.Select(pool => $"{pool.Key} {pool.Value.Open}/{pool.Value.Active}/{pool.Value.Used}"))}");

// 3. Rendering through the API alone: PDFs per second sustained with the renderer's bounded pages.
var pdfWatch = Stopwatch.StartNew();
await Parallel.ForEachAsync(ids.Take(pdfs), new ParallelOptions { MaxDegreeOfParallelism = pdfConcurrency }, async (id, token) =>
    (await admin.GetByteArrayAsync($"/api/billing/invoices/{id}/pdf", token)).Length.ShouldBeGreaterThan(1_000));
var pdfsPerSecond = pdfs / pdfWatch.Elapsed.TotalSeconds;
Console.WriteLine($"pdf: {pdfs} in {pdfWatch.Elapsed.TotalSeconds:0.0} s = {pdfsPerSecond:0.0}/s (target ≥ 15)");

// 4. The seed's flow on the same invoices: the client fetches each detail and each PDF, then ONE send request for all.
var referenceWatch = Stopwatch.StartNew();
var seedInvoices = new SeedInvoice[ids.Count];
await Parallel.ForEachAsync(Enumerable.Range(0, ids.Count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (index, token) =>
{
    (await admin.GetFromJsonAsync<JsonElement>($"/api/billing/invoices/{ids[index]}", token)).GetProperty("id").GetGuid().ShouldBe(ids[index]);
    seedInvoices[index] = new SeedInvoice(ids[index], organizationOf[ids[index]], await admin.GetByteArrayAsync($"/api/billing/invoices/{ids[index]}/pdf", token));
});
var clientSeconds = referenceWatch.Elapsed.TotalSeconds;
var referencePeaks = new ConnectionPeaks(database);
await using var seed = await SeedSendApi.StartAsync(services.Postgres.ConnectionString(100, "bench-billing-reference-iam"), services.Smtp.Host, relay.Port);
var mailedBefore = mailed.Count;
using var seedClient = new HttpClient { Timeout = TimeSpan.FromMinutes(30) };
var sendResponse = await seedClient.PostAsJsonAsync(new Uri(seed.Address, "/send"), new SendRequest(seedInvoices));
var seedResult = (await sendResponse.Content.ReadFromJsonAsync<SendResult>())!;
referenceWatch.Stop();
var referencePoolPeak = (await referencePeaks.StopAsync()).GetValueOrDefault("bench-billing-reference-iam").Open;
var referenceMailed = (await BillingApi.MailedInvoicesAsync(maildev, domain)).Count - mailedBefore;
Console.WriteLine($"reference: client {clientSeconds:0.0} s ({ids.Count * 2} calls), send request {seedResult.Seconds:0.0} s, sent {seedResult.Sent}, " +
                  $"failed {seedResult.Failed} {JsonSerializer.Serialize(seedResult.Failures)}, IAM queries {seed.IamQueries}, mailed {referenceMailed}");

var mailedTwice = mailed.GroupBy(id => id).Count(group => group.Count() > 1);
var lost = ids.Except(mailed).Count();
var correct = mailed.Count == invoices && mailedTwice == 0 && lost == 0 && progress.GetProperty("sent").GetInt32() == invoices;
var referenceSeconds = referenceWatch.Elapsed.TotalSeconds;
var result = new
{
    scenario = "billing",
    started_at = startedAt.ToString("O"),
    duration_s = Math.Round((DateTime.UtcNow - startedAt).TotalSeconds, 1),
    connections = 2,
    throughput_per_s = Math.Round(mailed.Count / dispatchSeconds, 1),
    p50_ms = latency.P50,
    p95_ms = latency.P95,
    p99_ms = latency.P99,
    errors = latency.Errors + progress.GetProperty("failed").GetInt32(),
    correctness = new { invoices, mailed = mailed.Count, mailed_twice = mailedTwice, lost, sent = progress.GetProperty("sent").GetInt32(), failed = progress.GetProperty("failed").GetInt32() },
    cores = Environment.ProcessorCount,
    load_average = File.ReadAllText("/proc/loadavg").Trim(),
    organizations,
    smtp_rate_per_s = smtpRate,
    dispatch_s = Math.Round(dispatchSeconds, 1),
    dispatch_target_s = invoices / (double)smtpRate + 15,
    mails_per_s = Math.Round(mailed.Count / dispatchSeconds, 1),
    relay_throttled = relay.Throttled,
    pdfs_per_s = Math.Round(pdfsPerSecond, 1),
    pdf_concurrency = pdfConcurrency,
    iam_requests = progress.GetProperty("contactLookups").GetInt32(),
    peak_connections = connections.ToDictionary(pool => pool.Key, pool => new { open = pool.Value.Open, active = pool.Value.Active, used = pool.Value.Used }),
    connection_targets = new { billing = 10, iam = 5 },
    other_requests = new { latency.Requests, latency.Errors },
    reference = new
    {
        design = "the seed's: a detail call and a PDF per invoice from the client, then one synchronous send request; two IAM queries per invoice on a pool of 100; unpaced SMTP without retry",
        client_calls = ids.Count * 2,
        client_s = Math.Round(clientSeconds, 1),
        send_request_s = seedResult.Seconds,
        total_s = Math.Round(referenceSeconds, 1),
        sent = seedResult.Sent,
        failed = seedResult.Failed,
        failures = seedResult.Failures,
        mailed = referenceMailed,
        iam_queries = seed.IamQueries,
        peak_iam_connections = referencePoolPeak,
    },
    ratio_time = Math.Round(referenceSeconds / dispatchSeconds, 2),
    ratio_mailed = referenceMailed == 0 ? (double?)null : Math.Round(mailed.Count / (double)referenceMailed, 2),
};
var json = JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true });
Console.WriteLine(json);
var results = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "results");
Directory.CreateDirectory(results);
await File.WriteAllTextAsync(Path.Combine(results, "billing.json"), json);
return correct ? 0 : 1;

static int Knob(string name, int fallback) => int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : fallback;

async Task<IReadOnlyList<JsonElement>> IssuedAsync(string month, int count)
{
    var rows = new List<JsonElement>();
    await Eventually.HoldsAsync(async () =>
    {
        rows = [];
        Guid? before = null;
        do
        {
            var page = await admin.GetFromJsonAsync<JsonElement>($"/api/billing/invoices?month={month}&status=Issued&limit=200{(before is null ? "" : $"&before={before}")}");
            rows.AddRange(page.GetProperty("items").EnumerateArray().Select(item => item.Clone()));
            before = page.TryGetProperty("nextBefore", out var next) && next.ValueKind == JsonValueKind.String ? next.GetGuid() : null;
        }
        while (before is not null);
        return rows.Count == count;
    }, TimeSpan.FromSeconds(120), $"the list shows {count} issued invoices of {month}");
    return rows;
}
