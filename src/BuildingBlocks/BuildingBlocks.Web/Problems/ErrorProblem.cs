using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Modular.BuildingBlocks.Domain.Errors;

namespace Modular.BuildingBlocks.Web.Problems;

/// <summary>The problem response of a business <see cref="Error"/>, whether it was thrown or returned.</summary>
public static class ErrorProblem
{
    /// <summary>
    /// For an endpoint whose refusals are frequent and expected (a sold-out flash sale): returning the error skips the
    /// cost of an exception unwinding every middleware and pipeline frame, and the client sees the same problem.
    /// </summary>
    public static ProblemHttpResult Result(Error error) => TypedResults.Problem(Details(error));

    internal static ProblemDetails Details(Error error)
    {
        var problem = new ProblemDetails
        {
            Status = ErrorStatus.Of(error.Kind),
            Title = error.Message,
            Extensions = { ["code"] = error.Code },
        };
        foreach (var (key, value) in error.Details)
        {
            problem.Extensions[key] = value;
        }

        return problem;
    }
}
