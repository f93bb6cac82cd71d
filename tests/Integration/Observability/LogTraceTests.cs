using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Modular.Tests.Integration.Hardening;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Observability;

/// <summary>What an operator greps for: the trace id of a request, from a trace or a problem's correlation id, finds its log lines.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class LogTraceTests(TestPlatform platform)
{
    [Fact]
    public async Task A_log_line_written_while_handling_a_request_carries_the_trace_id_the_caller_sent()
    {
        var settings = new Dictionary<string, string>(platform.Settings) { ["Logging:LogLevel:Default"] = "Information" };
        await using var host = await HostProcess.StartAsync(settings);
        using var admin = await host.AdminAsync();
        var traceId = ActivityTraceId.CreateRandom().ToHexString();

        // curl, an outside caller: this test process's HttpClient may replace the traceparent with its own activity's.
        var status = await CurlAsync(host.Address, admin.DefaultRequestHeaders.Authorization!.ToString(),
            $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01", """{"kind":"Merchant","name":"","registrationNumber":""}""");

        status.ShouldBe("400");
        await Eventually.HoldsAsync(() => Task.FromResult(host.RecentLines().Any(line => IsFailureLoggedUnder(line, traceId))), TimeSpan.FromSeconds(10),
            $"a JSON log line of the refused command with TraceId {traceId} in its scopes:\n{host.OutputTail}");
    }

    private static async Task<string> CurlAsync(Uri host, string authorization, string traceparent, string body)
    {
        var start = new ProcessStartInfo("curl") { RedirectStandardOutput = true };
        foreach (var argument in new[]
                 {
                     "-sS", "-o", "/dev/null", "-w", "%{http_code}", "-X", "POST", new Uri(host, "/api/iam/organizations").ToString(),
                     "-H", $"Authorization: {authorization}", "-H", $"traceparent: {traceparent}", "-H", "Content-Type: application/json", "-d", body,
                 })
        {
            start.ArgumentList.Add(argument);
        }

        using var curl = Process.Start(start)!;
        var status = await curl.StandardOutput.ReadToEndAsync();
        await curl.WaitForExitAsync();
        return status;
    }

    private static bool IsFailureLoggedUnder(string line, string traceId)
    {
        if (!line.StartsWith('{'))
        {
            return false;
        }

        using var entry = JsonDocument.Parse(line);
        return entry.RootElement.GetProperty("Message").GetString()!.Contains("failed after")
            && entry.RootElement.GetProperty("Scopes").EnumerateArray()
                .Any(scope => scope.ValueKind == JsonValueKind.Object && scope.TryGetProperty("TraceId", out var id) && id.GetString() == traceId);
    }
}
