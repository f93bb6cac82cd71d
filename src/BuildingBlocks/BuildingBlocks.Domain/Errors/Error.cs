namespace Modular.BuildingBlocks.Domain.Errors;

/// <summary>A business failure with a stable, dotted code (e.g. <c>ordering.out_of_stock</c>) that clients can rely on.</summary>
public sealed record Error(string Code, string Message, ErrorKind Kind)
{
    /// <summary>Extra data shown to the client, e.g. the short lines of an order.</summary>
    public IReadOnlyDictionary<string, object?> Details { get; init; } = new Dictionary<string, object?>();

    public static Error NotFound(string code, string message) => new(code, message, ErrorKind.NotFound);
    public static Error Conflict(string code, string message) => new(code, message, ErrorKind.Conflict);
    public static Error Unprocessable(string code, string message) => new(code, message, ErrorKind.Unprocessable);
    public static Error Forbidden(string code, string message) => new(code, message, ErrorKind.Forbidden);
}
