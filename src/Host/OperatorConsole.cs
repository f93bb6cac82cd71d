using Microsoft.AspNetCore.Http.HttpResults;

namespace Modular.Host;

/// <summary>
/// Serves the operator console (web/, built into wwwroot by Host.csproj): its files, and index.html for any other GET
/// outside /api so that the app's own routes survive a reload. A path under /api that no endpoint matches stays the
/// API's 404 problem.
/// </summary>
internal static class OperatorConsole
{
    public static WebApplication UseOperatorConsole(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            // Vite names every asset by its content hash; only index.html changes under the same name.
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl =
                file.Context.Request.Path.StartsWithSegments("/assets") ? "public, max-age=31536000, immutable" : "no-cache",
        });

        app.MapGet("/{*path:nonfile}", Results<FileStreamHttpResult, NotFound> (string? path, HttpResponse response, IWebHostEnvironment environment) =>
            {
                if (IsApi(path) || environment.WebRootFileProvider.GetFileInfo("index.html") is not { Exists: true } index)
                {
                    return TypedResults.NotFound();
                }

                response.Headers.CacheControl = "no-cache";
                return TypedResults.Stream(index.CreateReadStream(), "text/html; charset=utf-8");
            })
            .WithOrder(int.MaxValue)
            .WithDisplayName("Operator console")
            .ExcludeFromDescription()
            .AllowAnonymous();
        return app;
    }

    private static bool IsApi(string? path) =>
        path is not null && (path.Equals("api", StringComparison.OrdinalIgnoreCase) || path.StartsWith("api/", StringComparison.OrdinalIgnoreCase));
}
