using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Modular.BuildingBlocks.Web.OpenApi;

/// <summary>Every 201 and 202 answers a <c>Location</c> to GET the created resource or the accepted job.</summary>
internal static class CreatedLocation
{
    public static Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var status in new[] { "201", "202" })
        {
            if (operation.Responses?.TryGetValue(status, out var response) == true && response is OpenApiResponse created)
            {
                created.Headers ??= new Dictionary<string, IOpenApiHeader>();
                created.Headers["Location"] = new OpenApiHeader
                {
                    Description = "Where to GET what was created (or the accepted job's progress).",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference" },
                };
            }
        }

        return Task.CompletedTask;
    }
}
