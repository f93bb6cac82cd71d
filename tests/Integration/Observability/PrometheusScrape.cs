using System.Globalization;
using System.Net;

namespace Modular.Tests.Integration.Observability;

/// <summary>Reads <c>/metrics</c> (Prometheus text format) and sums a metric's samples over all their labels.</summary>
internal static class PrometheusScrape
{
    public static async Task<string> ReadAsync(HttpClient operatorClient)
    {
        var response = await operatorClient.GetAsync("/metrics");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The sum of every sample named <paramref name="metric"/> (any labels); 0 when it has none yet.</summary>
    public static double Sum(string scrape, string metric, string? labels = null) =>
        scrape.Split('\n')
            .Where(line => line.StartsWith(metric + "{", StringComparison.Ordinal) || line.StartsWith(metric + " ", StringComparison.Ordinal))
            .Where(line => labels is null || line.Contains(labels, StringComparison.Ordinal))
            .Sum(line => double.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture));

    public static async Task<double> SumAsync(HttpClient operatorClient, string metric, string? labels = null) =>
        Sum(await ReadAsync(operatorClient), metric, labels);
}
