using FluentValidation.Results;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Modular.BuildingBlocks.Web.Problems;

/// <summary>A 400 problem listing every field error, keyed by the field's JSON path (camelCase).</summary>
internal static class ValidationProblem
{
    public static ProblemDetails From(IEnumerable<ValidationFailure> failures) => new HttpValidationProblemDetails(
        failures
            .GroupBy(failure => JsonPath(failure.PropertyName))
            .ToDictionary(group => group.Key, group => group.Select(failure => failure.ErrorMessage).Distinct().ToArray()))
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "One or more fields are invalid.",
        Extensions = { ["code"] = ProblemCodes.ValidationFailed },
    };

    private static string JsonPath(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}
