using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Modular.BuildingBlocks.Domain.Errors;

namespace Modular.BuildingBlocks.Web.Problems;

/// <summary>Turns every exception that escapes an endpoint into an RFC 9457 problem with a stable code.</summary>
internal sealed class ProblemExceptionHandler(
    IProblemDetailsService problemDetails,
    IHostEnvironment environment,
    ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            DomainException domain => ErrorProblem.Details(domain.Error),
            ValidationException validation => ValidationProblem.From(validation.Errors),
            BadHttpRequestException badRequest => new ProblemDetails
            {
                Status = badRequest.StatusCode,
                Title = "The request could not be read.",
                Detail = ReadableReason(badRequest),
                Extensions = { ["code"] = ProblemCodes.ForStatus(badRequest.StatusCode) },
            },
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
            Detail = environment.IsDevelopment() ? exception.ToString() : null,
            Extensions = { ["code"] = ProblemCodes.ServerError },
        };
    }
}
