namespace Modular.BuildingBlocks.Domain.Errors;

/// <summary>What kind of failure an error is; the web layer maps each kind to one HTTP status.</summary>
public enum ErrorKind
{
    Validation,
    NotFound,
    Conflict,
    Unprocessable,
    Forbidden,
    Unauthorized,
}
