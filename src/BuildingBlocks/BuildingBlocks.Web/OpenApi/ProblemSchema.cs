using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Modular.BuildingBlocks.Web.OpenApi;

/// <summary>
/// Every problem carries a stable <c>code</c> and the request's <c>correlationId</c> (ModularPlatform adds them), which
/// ProblemDetails' own schema knows only as "additional properties".
/// </summary>
internal static class ProblemSchema
{
    public static Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (!typeof(ProblemDetails).IsAssignableFrom(context.JsonTypeInfo.Type))
        {
            return Task.CompletedTask;
        }

        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        schema.Properties["code"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "Stable machine-readable reason, e.g. ordering.out_of_stock or validation.failed.",
        };
        schema.Properties["correlationId"] = new OpenApiSchema { Type = JsonSchemaType.String };
        schema.Required ??= new HashSet<string>();
        schema.Required.Add("code");
        return Task.CompletedTask;
    }
}
