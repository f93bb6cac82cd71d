using Microsoft.AspNetCore.Http;

namespace Modular.BuildingBlocks.Web.Problems;

/// <summary>Stable codes for failures that no business rule names (routing, binding, server errors).</summary>
public static class ProblemCodes
{
    public const string Malformed = "request.malformed";
    public const string ValidationFailed = "validation.failed";
    public const string ServerError = "server.error";

    public static string ForStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => Malformed,
        StatusCodes.Status401Unauthorized => "auth.unauthenticated",
        StatusCodes.Status403Forbidden => "auth.forbidden",
        StatusCodes.Status404NotFound => "http.not_found",
        StatusCodes.Status405MethodNotAllowed => "http.method_not_allowed",
        StatusCodes.Status413PayloadTooLarge => "http.payload_too_large",
        StatusCodes.Status414UriTooLong => "http.uri_too_long",
        StatusCodes.Status415UnsupportedMediaType => "http.unsupported_media_type",
        StatusCodes.Status429TooManyRequests => "http.too_many_requests",
        >= 500 => ServerError,
        _ => $"http.{status}",
    };
}
