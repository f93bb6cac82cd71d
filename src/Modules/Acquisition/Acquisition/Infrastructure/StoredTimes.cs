namespace Modular.Acquisition.Infrastructure;

/// <summary>The module's rows keep UTC in `timestamp` columns, which EF reads back with an unspecified kind.</summary>
internal static class StoredTimes
{
    public static DateTimeOffset AsUtc(this DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}
