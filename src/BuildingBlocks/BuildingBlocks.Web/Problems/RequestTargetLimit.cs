using Microsoft.AspNetCore.Http;

namespace Modular.BuildingBlocks.Web.Problems;

/// <summary>
/// Refuses an over-long path and query with a 414 problem. Kestrel's own limit answers with a bare status and no body,
/// so Kestrel is given a larger one (<see cref="KestrelRequestLineBytes"/>) and this middleware enforces the real limit.
/// </summary>
internal sealed class RequestTargetLimit(RequestDelegate next, IProblemDetailsService problems)
{
    /// <summary>What the API accepts: far above any filter or keyset cursor it takes.</summary>
    public const int MaxTargetLength = 8 * 1024;

    /// <summary>Kestrel's bound on the whole request line; only lines past it still get Kestrel's bare 414.</summary>
    public const int KestrelRequestLineBytes = 64 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if ((request.PathBase.Value?.Length ?? 0) + (request.Path.Value?.Length ?? 0) + (request.QueryString.Value?.Length ?? 0) <= MaxTargetLength)
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status414UriTooLong;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Title = $"The path and query string are longer than {MaxTargetLength} characters." },
        });
    }
}
