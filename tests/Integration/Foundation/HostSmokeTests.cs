using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.BuildingBlocks.Infrastructure.Settings;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Foundation;

[Collection(IntegrationCollection.Name)]
public sealed class HostSmokeTests(TestPlatform platform)
{
    private static readonly string[] Modules = ["billing", "funding", "ordering", "acquisition", "settlement", "iam"];

    [Fact]
    public async Task Every_module_schema_is_migrated_and_recorded()
    {
        _ = platform.Host.CreateClient();
        await using var database = new TestDatabase(platform.Services);
        foreach (var module in Modules)
        {
            var applied = await database.ScalarAsync<long>($"SELECT count(*) FROM {module}.schema_migrations");
            applied.ShouldBeGreaterThanOrEqualTo(2, $"{module} should record its own and the shared messaging migrations");
            var outbox = await database.ScalarAsync<bool>("SELECT to_regclass($1) IS NOT NULL", $"{module}.outbox_messages");
            outbox.ShouldBeTrue($"{module} owns an outbox table");
        }
    }

    [Fact]
    public async Task Readiness_reports_postgresql_and_rabbitmq_healthy()
    {
        var client = platform.Host.CreateClient();
        HttpResponseMessage response = null!;
        await Eventually.HoldsAsync(async () =>
        {
            response = await client.GetAsync("/health/ready");
            return response.StatusCode == HttpStatusCode.OK;
        }, TimeSpan.FromSeconds(30), "/health/ready answers 200");

        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        report.GetProperty("status").GetString().ShouldBe("Healthy");
        var checks = report.GetProperty("checks");
        checks.GetProperty("postgresql").GetProperty("status").GetString().ShouldBe("Healthy");
        checks.EnumerateObject().ShouldContain(check => check.Name.StartsWith("masstransit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Liveness_answers_without_dependencies()
    {
        var response = await platform.Host.CreateClient().GetAsync("/health/live");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_unknown_route_answers_a_problem_with_a_stable_code_and_correlation_id()
    {
        var client = platform.Host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/nowhere");
        request.Headers.Add("X-Correlation-Id", "smoke-test-1");
        var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        response.Headers.GetValues("X-Correlation-Id").ShouldContain("smoke-test-1");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("status").GetInt32().ShouldBe(404);
        problem.GetProperty("code").GetString().ShouldBe("http.not_found");
        problem.GetProperty("correlationId").GetString().ShouldBe("smoke-test-1");
    }

    [Fact]
    public async Task The_openapi_document_is_served()
    {
        var response = await platform.Host.CreateClient().GetAsync("/openapi/v1.json");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("openapi").GetString()!.ShouldStartWith("3.");
    }

    [Fact]
    public async Task A_host_with_nothing_in_flight_stops_within_seconds()
    {
        var host = new ModularHostFactory(platform.Settings);
        (await host.CreateClient().GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var stopping = System.Diagnostics.Stopwatch.StartNew();
        await host.DisposeAsync();

        // WebApplication.Run and the factory both stop the host; a service that waits out the 30 s shutdown timeout on
        // the second stop (as the payment authorizer once did) shows here.
        stopping.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(15));
    }
}
