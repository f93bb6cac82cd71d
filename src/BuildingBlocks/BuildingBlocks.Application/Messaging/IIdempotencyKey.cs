namespace Modular.BuildingBlocks.Application.Messaging;

/// <summary>The Idempotency-Key the caller sent with the current request, if any (none outside HTTP requests).</summary>
public interface IIdempotencyKey
{
    /// <summary>Keys longer than this are refused: they are stored and compared, never meant to carry data.</summary>
    public const int MaxLength = 200;

    string? Value { get; }
}
