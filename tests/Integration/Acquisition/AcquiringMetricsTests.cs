using System.Net.Http.Json;
using System.Text.Json;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Acquisition;

/// <summary>The loop's meter and the readiness check on its lag, each on a host of its own.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class AcquiringMetricsTests(TestPlatform platform)
{
    [Fact]
    public async Task Acquired_isolated_and_run_duration_are_measured_and_readiness_degrades_when_the_lag_passes_its_threshold()
    {
        using var meter = new AcquiringMeter();

        await using (var acquiring = await AcquiringHost.StartAsync(platform))
        {
            var merchant = await acquiring.Api.CreateMerchantAsync();
            for (var i = 0; i < 3; i++)
            {
                await acquiring.ApprovedPaymentAsync(merchant, 1_000 + i);
            }

            await acquiring.ApprovedPaymentAsync(Guid.CreateVersion7(), 1_000);
            await Eventually.HoldsAsync(() => Task.FromResult(acquiring.Published.Count == 3), TimeSpan.FromSeconds(30), "the good payments are acquired");
            await Eventually.HoldsAsync(
                () => Task.FromResult(meter["modular.acquisition.acquired"] >= 3 && meter["modular.acquisition.acquiring_isolated"] >= 1
                    && meter["modular.acquisition.acquiring_run_duration"] is not null && meter["modular.acquisition.acquiring_lag"] is not null),
                TimeSpan.FromSeconds(30), "acquired, isolated, run duration and lag are measured");
        }

        await using var stalled = await AcquiringHost.StartAsync(platform, new Dictionary<string, string>
        {
            ["Acquisition:Acquiring:Enabled"] = "false",
            ["Acquisition:Acquiring:LagThreshold"] = "00:01:00",
        });
        using var client = stalled.Host.CreateClient();
        (await ReadinessAsync(client)).ShouldBe("Healthy");
        var waiting = await stalled.Api.CreateMerchantAsync();
        await stalled.ApprovedPaymentAsync(waiting, 5_000, TimeSpan.FromMinutes(10));
        (await ReadinessAsync(client)).ShouldBe("Degraded", "a payment waits 10 min with no loop to acquire it");
    }

    [Fact]
    public async Task The_consoles_json_reads_this_instances_totals_and_the_lag_measured_in_the_database()
    {
        await using (var acquiring = await AcquiringHost.StartAsync(platform))
        {
            var merchant = await acquiring.Api.CreateMerchantAsync();
            for (var i = 0; i < 3; i++)
            {
                await acquiring.ApprovedPaymentAsync(merchant, 1_000 + i);
            }

            await acquiring.ApprovedPaymentAsync(Guid.CreateVersion7(), 1_000);
            using var finance = acquiring.Api.Operator();
            JsonElement totals = default;
            await Eventually.HoldsAsync(async () => (totals = await MetricsAsync(finance)).GetProperty("acquired").GetInt64() == 3
                                                    && totals.GetProperty("isolated").GetInt64() == 1,
                TimeSpan.FromSeconds(30), "the three good payments are counted acquired and the unknown merchant's isolated, by this host alone");
            totals.GetProperty("lagSeconds").GetDouble().ShouldBe(0, "nothing good waits");
            using var merchantAdmin = acquiring.Api.MerchantAdmin(Guid.CreateVersion7());
            (await merchantAdmin.GetAsync("/api/acquisition/acquiring-metrics")).StatusCode.ShouldBe(System.Net.HttpStatusCode.Forbidden);
        }

        await using var standby = await AcquiringHost.StartAsync(platform, new Dictionary<string, string> { ["Acquisition:Acquiring:Enabled"] = "false" });
        await standby.ApprovedPaymentAsync(await standby.Api.CreateMerchantAsync(), 5_000, TimeSpan.FromMinutes(10));
        using var operatorClient = standby.Api.Operator();
        var behind = await MetricsAsync(operatorClient);
        behind.GetProperty("lagSeconds").GetDouble().ShouldBeGreaterThanOrEqualTo(600, "the lag is measured in the database, by any instance");
        behind.GetProperty("acquired").GetInt64().ShouldBe(0, "an instance out of the election acquires nothing");
    }

    private static async Task<JsonElement> MetricsAsync(HttpClient client) =>
        await client.GetFromJsonAsync<JsonElement>("/api/acquisition/acquiring-metrics");

    private static async Task<string> ReadinessAsync(HttpClient client)
    {
        var response = await client.GetAsync("/health/ready");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("checks").GetProperty("acquiring-lag").GetProperty("status").GetString()!;
    }
}
