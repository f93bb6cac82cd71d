using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Modular.BuildingBlocks.Web.OpenApi;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Contract;

/// <summary>
/// The served OpenAPI document is what client generators read: every registered endpoint must be in it with a summary,
/// one module tag, its request body's schema, exactly one success status with a schema (201/202 with a Location), and
/// its refusals as problem+json carrying <c>code</c>; the operations that need a caller name the bearer scheme.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed partial class OpenApiContractTests(TestPlatform platform)
{
    private const string Bearer = "Bearer";

    private static readonly string[] Tags = ["iam", "acquisition", "ordering", "funding", "settlement", "billing", "health"];

    [Fact]
    public async Task Every_operation_declares_summary_tag_request_success_problems_and_security()
    {
        using var document = await DocumentAsync();
        var root = document.RootElement;
        var scheme = root.GetProperty("components").GetProperty("securitySchemes").GetProperty(Bearer);
        scheme.GetProperty("type").GetString().ShouldBe("http");
        scheme.GetProperty("scheme").GetString().ShouldBe("bearer");

        var endpoints = ModuleEndpoints();
        var failures = new List<string>();
        var operations = new HashSet<string>();
        foreach (var path in root.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var key = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                operations.Add(key);
                failures.AddRange(Check(root, path.Name, operation.Value, endpoints.GetValueOrDefault(key)).Select(failure => $"{key}: {failure}"));
            }
        }

        failures.AddRange(endpoints.Keys.Except(operations).Select(key => $"{key}: registered but missing from the document"));
        operations.ShouldContain("GET /health/live");
        operations.ShouldContain("GET /health/ready");
        failures.ShouldBeEmpty(string.Join('\n', failures));
    }

    [Fact]
    public async Task Scalar_serves_the_api_reference_over_the_document()
    {
        using var client = platform.Host.CreateClient();

        var page = await client.GetAsync("/scalar");

        page.StatusCode.ShouldBe(HttpStatusCode.OK); File.WriteAllText("/tmp/scalar.html", await page.Content.ReadAsStringAsync());
        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await page.Content.ReadAsStringAsync()).ShouldContain("openapi/v1.json");
    }

    private static IEnumerable<string> Check(JsonElement root, string path, JsonElement operation, EndpointFacts? endpoint)
    {
        if (!operation.TryGetProperty("summary", out var summary) || string.IsNullOrWhiteSpace(summary.GetString()))
        {
            yield return "no summary";
        }

        var tags = operation.TryGetProperty("tags", out var tagList) ? tagList.EnumerateArray().Select(tag => tag.GetString()).ToList() : [];
        var module = path.StartsWith("/api/", StringComparison.Ordinal) ? path.Split('/')[2] : "health";
        if (tags.Count != 1 || tags[0] != module || !Tags.Contains(module))
        {
            yield return $"tags [{string.Join(", ", tags)}], expected [{module}]";
        }

        var responses = operation.GetProperty("responses").EnumerateObject().ToList();
        var successes = responses.Where(response => response.Name.StartsWith('2')).ToList();
        if (successes.Count != 1 || !HasSchema(successes[0].Value))
        {
            yield return $"success responses [{string.Join(", ", successes.Select(response => response.Name))}], expected one with a schema";
        }
        else if (successes[0].Name is "201" or "202" && !(successes[0].Value.TryGetProperty("headers", out var headers) && headers.TryGetProperty("Location", out _)))
        {
            yield return $"{successes[0].Name} without a Location header";
        }

        foreach (var problem in responses.Where(response => response.Name.StartsWith('4')))
        {
            if (!HasSchema(problem.Value, EndpointContract.ProblemContentType)
                || !Resolve(root, problem.Value.GetProperty("content").GetProperty(EndpointContract.ProblemContentType).GetProperty("schema")).GetProperty("properties").TryGetProperty("code", out _))
            {
                yield return $"{problem.Name} is not application/problem+json with a code";
            }
        }

        if (endpoint is null)
        {
            // Only the health probes are described by hand; they answer their report, never a problem.
            if (module != "health")
            {
                yield return "in the document but not a registered endpoint";
            }

            yield break;
        }

        var statuses = responses.Select(response => response.Name).ToHashSet();
        var expected = new List<string> { "400" };
        if (endpoint.NeedsCaller)
        {
            expected.AddRange(["401", "403"]);
        }

        if (path.Contains('{'))
        {
            expected.Add("404");
        }

        foreach (var status in expected.Where(status => !statuses.Contains(status)))
        {
            yield return $"no {status} problem";
        }

        var secured = operation.TryGetProperty("security", out var security)
                      && security.EnumerateArray().Any(requirement => requirement.TryGetProperty(Bearer, out _));
        if (secured != endpoint.NeedsCaller)
        {
            yield return endpoint.NeedsCaller ? "needs a caller but names no bearer security" : "anonymous but names bearer security";
        }

        if (endpoint.TakesBody && !(operation.TryGetProperty("requestBody", out var body) && HasSchema(body)))
        {
            yield return "takes a body but declares no request schema";
        }
    }

    private static bool HasSchema(JsonElement response, string contentType) =>
        response.TryGetProperty("content", out var content) && content.TryGetProperty(contentType, out var media)
        && media.TryGetProperty("schema", out var schema) && schema.EnumerateObject().Any();

    /// <summary>A schema under every media type it declares (JSON for records; a file download or upload is binary).</summary>
    private static bool HasSchema(JsonElement response) =>
        response.TryGetProperty("content", out var content) && content.EnumerateObject().Any()
        && content.EnumerateObject().All(media => media.Value.TryGetProperty("schema", out var schema) && schema.EnumerateObject().Any());

    private static JsonElement Resolve(JsonElement root, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
            ? root.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1])
            : schema;

    /// <summary>Every module endpoint the Host registers, keyed as the document names it (route constraints dropped).</summary>
    private Dictionary<string, EndpointFacts> ModuleEndpoints() =>
        platform.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(endpoint => endpoint.Metadata.GetRequiredMetadata<IHttpMethodMetadata>().HttpMethods.Select(method => (
                Key: $"{method} {Constraint().Replace(endpoint.RoutePattern.RawText!, "}")}",
                Facts: new EndpointFacts(EndpointContract.NeedsCaller(endpoint.Metadata), endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is not null))))
            .ToDictionary(entry => entry.Key, entry => entry.Facts);

    private async Task<JsonDocument> DocumentAsync()
    {
        using var client = platform.Host.CreateClient();
        var response = await client.GetAsync("/openapi/v1.json");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await response.Content.ReadAsStringAsync(); File.WriteAllText("/tmp/openapi.json", text); return JsonDocument.Parse(text);
    }

    [GeneratedRegex(":[^}]+}")]
    private static partial Regex Constraint();

    private sealed record EndpointFacts(bool NeedsCaller, bool TakesBody);
}
