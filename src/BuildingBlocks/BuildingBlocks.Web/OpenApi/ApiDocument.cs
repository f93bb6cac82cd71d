using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Scalar.AspNetCore;

namespace Modular.BuildingBlocks.Web.OpenApi;

/// <summary>The served OpenAPI document (<c>/openapi/v1.json</c>) and Scalar's API reference over it (<c>/scalar</c>).</summary>
internal static class ApiDocument
{
    public static IServiceCollection AddApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<BearerSecurity>();
            options.AddOperationTransformer<BearerSecurity>();
            options.AddOperationTransformer(CreatedLocation.TransformAsync);
            options.AddSchemaTransformer(ProblemSchema.TransformAsync);
            options.AddDocumentTransformer(HealthPaths.TransformAsync);
        });

    public static WebApplication MapApiDocument(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference();
        return app;
    }
}
