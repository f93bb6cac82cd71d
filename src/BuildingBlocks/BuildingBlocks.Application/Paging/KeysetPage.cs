namespace Modular.BuildingBlocks.Application.Paging;

/// <summary>A page of a read-side list, newest first; pass <see cref="NextBefore"/> as <c>before</c> for the next page.</summary>
public sealed record KeysetPage<T>(IReadOnlyList<T> Items, Guid? NextBefore);

/// <summary>How many rows a list endpoint returns: 50 unless asked, never more than 200.</summary>
public static class PageLimit
{
    public const int Default = 50;
    public const int Max = 200;

    public static int Clamp(int? limit) => Math.Clamp(limit ?? Default, 1, Max);
}
