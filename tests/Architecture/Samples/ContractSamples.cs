namespace Modular.Tests.Architecture.Samples.Contracts;

// Compiled by Roslyn, so the Contracts rule is tried on the exact members the compiler writes, not on hand-made imitations.
// The rule reads these one type at a time: the test assembly's own references (xunit, Cecil) are not judged.

public sealed record PositionalEvent(Guid OrderId, decimal Amount, IReadOnlyList<string> Lines);

public sealed record NominalRequest
{
    public required string Name { get; init; }

    public IReadOnlyList<int> Quantities { get; init; } = [];
}

public sealed record GenericPage<T>(IReadOnlyList<T> Items, string? NextCursor);

public sealed record OuterDto(int Count)
{
    public sealed record InnerDto(string Label);
}

public readonly record struct MoneyDto(decimal Amount, string Currency);

public sealed class ClassNotRecord
{
    public string Name { get; init; } = "";
}

public record UnsealedRecord(int Count);

internal sealed record InternalRecord(int Count);

public sealed record SettableRecord
{
    public string Name { get; set; } = "";
}

public record struct SettableRecordStruct(int Count);

public sealed record FieldRecord
{
    public int Count;
}

public sealed record ComputedPropertyRecord(string Name)
{
    public string Upper => Name.ToUpperInvariant();
}

public sealed record MethodRecord(int Count)
{
    public int Twice() => Count * 2;
}

public sealed record OverriddenToStringRecord(string Name)
{
    public override string ToString() => Name;
}
