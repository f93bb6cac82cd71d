namespace Modular.BuildingBlocks.Domain.Errors;

/// <summary>Thrown when a business rule refuses an operation; carries the <see cref="Error"/> shown to the client.</summary>
public sealed class DomainException(Error error) : Exception(error.Message)
{
    public Error Error { get; } = error;
}
