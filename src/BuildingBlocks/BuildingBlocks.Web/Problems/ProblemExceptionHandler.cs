using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Modular.BuildingBlocks.Domain.Errors;
using Modular.BuildingBlocks.Infrastructure.Persistence;

namespace Modular.BuildingBlocks.Web.Problems;

/// <summary>Turns every exception that escapes an endpoint into an RFC 9457 problem with a stable code.</summary>
internal sealed class ProblemExceptionHandler(
    IProblemDetailsService problemDetails,
    UniqueConstraintErrors uniqueConstraints,
    IOptions<ProblemOptions> options,
    ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            DomainException domain => ErrorProblem.Details(domain.Error),
            ValidationException validation => ValidationProblem.From(validation.Errors),
            BadHttpRequestException badRequest => Unreadable(badRequest),
            _ when UniqueConstraintErrors.ViolationIn(exception) is { } violation => ErrorProblem.Details(uniqueConstraints.For(violation)),
            _ => Unexpected(exception),
        };

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>JSON the binder could not read (a wrong type, text with an unpaired surrogate) names its field, as validation errors do.</summary>
    private static ProblemDetails Unreadable(BadHttpRequestException exception)
    {
        var problem = exception.InnerException is System.Text.Json.JsonException { Path: { Length: > 2 } path } && path.StartsWith("$.", StringComparison.Ordinal)
            ? new HttpValidationProblemDetails(new Dictionary<string, string[]> { [path[2..]] = ["This value cannot be read."] })
            : new ProblemDetails();
        problem.Status = exception.StatusCode;
        problem.Title = "The request could not be read.";
        problem.Detail = ReadableReason(exception);
        problem.Extensions["code"] = ProblemCodes.ForStatus(exception.StatusCode);
        return problem;
    }

    // The binder's message names the property and the JSON position, which helps a client fix its request;
    // the inner exception (a stack of parser internals) is never shown.
    private static string ReadableReason(BadHttpRequestException exception) =>
        exception.InnerException is System.Text.Json.JsonException json ? $"Malformed JSON: {json.Message}" : exception.Message;

    private ProblemDetails Unexpected(Exception exception)
    {
        logger.LogError(exception, "Unhandled exception");
        return new ProblemDetails
        {
            Status = StatusCodes.Status500InternalServerError,
            Title = "An unexpected error occurred.",
            // The exception text can carry SQL and data; only a deliberate setting shows it, never an environment alone.
            Detail = options.Value.IncludeExceptionDetails ? exception.ToString() : null,
            Extensions = { ["code"] = ProblemCodes.ServerError },
        };
    }
}
