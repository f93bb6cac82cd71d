using System.Net.Mime;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Modular.BuildingBlocks.Web.OpenApi;

/// <summary>The health endpoints are not route handlers, so the generator does not see them; they are described here.</summary>
internal static class HealthPaths
{
    public const string Tag = "health";

    public static Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Paths ??= [];
        document.Paths["/health/live"] = Path("Liveness: the process answers (checks nothing else).");
        document.Paths["/health/ready"] = Path("Readiness: PostgreSQL answers and the outbox backlog is within bounds.");
        document.Tags ??= new HashSet<OpenApiTag>();
        document.Tags.Add(new OpenApiTag { Name = Tag, Description = "Liveness and readiness probes." });
        return Task.CompletedTask;
    }

    private static OpenApiPathItem Path(string summary) => new()
    {
        Operations = new Dictionary<HttpMethod, OpenApiOperation>
        {
            [HttpMethod.Get] = new()
            {
                Summary = summary,
                Tags = new HashSet<OpenApiTagReference> { new(Tag) },
                Responses = new OpenApiResponses
                {
                    ["200"] = Report("Healthy or degraded."),
                    ["503"] = Report("Unhealthy: a check failed."),
                },
            },
        },
    };

    private static OpenApiResponse Report(string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            [MediaTypeNames.Application.Json] = new() { Schema = ReportSchema() },
        },
    };

    /// <summary>The shape HealthResponseWriter writes.</summary>
    private static OpenApiSchema ReportSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Required = new HashSet<string> { "status", "checks" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. new[] { "Healthy", "Degraded", "Unhealthy" }.Select(value => (System.Text.Json.Nodes.JsonNode)value)] },
            ["checks"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                AdditionalProperties = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["status"] = new OpenApiSchema { Type = JsonSchemaType.String },
                        ["description"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                    },
                },
            },
        },
    };
}
