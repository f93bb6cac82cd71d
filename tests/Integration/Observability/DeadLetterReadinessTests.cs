using System.Net.Http.Headers;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.Security;
using Modular.Tests.Integration.Support;
using Modular.Tests.Probe;

namespace Modular.Tests.Integration.Observability;

[Collection(IntegrationCollection.Name)]
public sealed class DeadLetterReadinessTests(TestPlatform platform)
{
    [Fact]
    public async Task A_consumer_dead_letter_is_counted_and_degrades_readiness()
    {
        await using var host = await ProbeHost.StartAsync(platform.Settings, new Dictionary<string, string?> { ["Messaging:ConsumeAttempts"] = "2" });
        using var client = host.CreateClient();
        using var admin = AdminOf(host);
        (await ReadinessAsync(client)).GetProperty("checks").GetProperty("dead-letters").GetProperty("status").GetString().ShouldBe("Healthy");
        var before = await PrometheusScrape.SumAsync(admin, "modular_consumer_dead_lettered_total", "module=\"probe\"");

        await host.Services.GetRequiredService<IBus>().Publish(new DoomedPing(Guid.CreateVersion7()));

        await Eventually.HoldsAsync(
            async () => await PrometheusScrape.SumAsync(admin, "modular_consumer_dead_lettered_total", "module=\"probe\"") >= before + 1,
            TimeSpan.FromSeconds(60), "the dead letter is counted");
        var readiness = await ReadinessAsync(client);
        readiness.GetProperty("status").GetString().ShouldBe("Degraded");
        readiness.GetProperty("checks").GetProperty("dead-letters").GetProperty("description").GetString()!.ShouldContain("probe");
    }

    private static async Task<JsonElement> ReadinessAsync(HttpClient client) =>
        JsonDocument.Parse(await client.GetStringAsync("/health/ready")).RootElement;

    private static HttpClient AdminOf(ProbeHost host)
    {
        var token = host.Services.GetRequiredService<AccessTokenIssuer>().Issue(Guid.CreateVersion7(), null, "ops@callers.test", [Roles.PlatformAdmin]);
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        return client;
    }
}
