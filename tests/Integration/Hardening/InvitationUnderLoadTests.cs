using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Modular.Tests.Integration.Iam;
using Modular.Tests.Integration.Support;
using Xunit.Abstractions;

namespace Modular.Tests.Integration.Hardening;

/// <summary>
/// Invitations e-mailed by a Host with the deployed runtime settings: sending must never stall the Host's other work,
/// and each invitee gets one e-mail whose token works.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed partial class InvitationUnderLoadTests(TestPlatform platform, ITestOutputHelper output)
{
    [Fact]
    public async Task Two_hundred_invitations_go_out_while_other_requests_keep_p99_under_200_ms_and_each_invitee_gets_one_working_token()
    {
        await using var host = await HostProcess.StartAsync(platform.Settings);
        using var admin = await host.AdminAsync();
        var organization = await CreateOrganizationAsync(admin);
        var quiet = (await WarmUpAsync(admin, organization)).Select(sample => sample.Ms).ToList();
        output.WriteLine($"before the job (no e-mail being sent): p50 {Percentile(quiet, 0.5):0.0} ms, p99 {Percentile(quiet, 0.99):0.0} ms");
        var domain = $"{Guid.NewGuid():N}.load-invite.example";
        var emails = Enumerable.Range(1, 200).Select(i => $"invitee{i}@{domain}").ToList();

        using var stopProbing = new CancellationTokenSource();
        var probe = ProbeLatenciesAsync(admin, $"/api/iam/organizations/{organization}", stopProbing.Token);
        var response = await admin.PostAsJsonAsync($"/api/iam/organizations/{organization}/invitations", new { emails });
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        IReadOnlyList<ReceivedEmail> received = [];
        await Eventually.HoldsAsync(async () => (received = await platform.Mail.ToDomainAsync(domain)).Count >= 200 && await IsCompletedAsync(admin, response),
            TimeSpan.FromSeconds(120), $"200 e-mails reached maildev and the job completed\n{host.OutputTail}");
        await stopProbing.CancelAsync();
        var samples = await probe;
        var latencies = samples.Select(sample => sample.Ms).ToList();

        var p99 = Percentile(latencies, 0.99);
        foreach (var second in samples.GroupBy(sample => (int)sample.At.TotalSeconds).OrderBy(group => group.Key))
        {
            output.WriteLine($"  second {second.Key}: {second.Count()} reads, max {second.Max(sample => sample.Ms):0} ms");
        }

        output.WriteLine($"{latencies.Count} probe requests during the sending, p50 {Percentile(latencies, 0.5):0.0} ms, p99 {p99:0.0} ms, max {latencies.Max():0.0} ms");
        latencies.Count.ShouldBeGreaterThan(20);
        p99.ShouldBeLessThan(200);
        received = await platform.Mail.ToDomainAsync(domain);
        received.GroupBy(email => email.To.ToLowerInvariant()).ShouldAllBe(group => group.Count() == 1, "one e-mail per invitee");
        received.Select(email => email.To.ToLowerInvariant()).Order().ShouldBe(emails.Order());
        using var anonymous = host.CreateClient();
        foreach (var email in received)
        {
            var token = TokenInLink().Match(email.Text).Groups[1].Value;
            var accepted = await anonymous.PostAsJsonAsync("/api/iam/invitations/accept", new { token, password = "invitee-chosen-password" });
            accepted.StatusCode.ShouldBe(HttpStatusCode.OK, $"{email.To}: {await accepted.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>A small job and a few hundred reads first, so the measurement is not of the JIT compiling the paths once.</summary>
    /// <returns>The latencies of reads after the warm-up, with nothing being sent: what the machine gives without the job.</returns>
    private static async Task<List<(TimeSpan At, double Ms)>> WarmUpAsync(HttpClient admin, Guid organization)
    {
        var domain = $"{Guid.NewGuid():N}.warm-up.example";
        var response = await admin.PostAsJsonAsync($"/api/iam/organizations/{organization}/invitations",
            new { emails = Enumerable.Range(1, 5).Select(i => $"warm{i}@{domain}") });
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await ProbeLatenciesAsync(admin, $"/api/iam/organizations/{organization}", stop.Token);
        }

        await Eventually.HoldsAsync(() => IsCompletedAsync(admin, response), TimeSpan.FromSeconds(60), "the warm-up job completed");
        using var quiet = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        return await ProbeLatenciesAsync(admin, $"/api/iam/organizations/{organization}", quiet.Token);
    }

    private static async Task<Guid> CreateOrganizationAsync(HttpClient admin)
    {
        var created = await admin.PostAsJsonAsync("/api/iam/organizations",
            new { kind = "Merchant", name = $"Invites {Guid.NewGuid():N}", registrationNumber = $"REG-{Guid.NewGuid():N}" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<bool> IsCompletedAsync(HttpClient admin, HttpResponseMessage accepted) =>
        (await admin.GetFromJsonAsync<JsonElement>(accepted.Headers.Location)).GetProperty("status").GetString() == "Completed";

    /// <summary>Four clients reading one organization back to back, as operators' screens would, until told to stop.</summary>
    private static async Task<List<(TimeSpan At, double Ms)>> ProbeLatenciesAsync(HttpClient client, string path, CancellationToken stop)
    {
        var began = Stopwatch.GetTimestamp();
        var latencies = new List<(TimeSpan At, double Ms)>();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            while (!stop.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(path, CancellationToken.None);
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                response.StatusCode.ShouldBe(HttpStatusCode.OK);
                lock (latencies)
                {
                    latencies.Add((Stopwatch.GetElapsedTime(began), elapsed));
                }
            }
        }));
        return latencies;
    }

    private static double Percentile(List<double> values, double percentile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile * sorted.Count) - 1)];
    }

    [GeneratedRegex(@"[?&]token=([A-Za-z0-9_\-]+)")]
    private static partial Regex TokenInLink();
}
