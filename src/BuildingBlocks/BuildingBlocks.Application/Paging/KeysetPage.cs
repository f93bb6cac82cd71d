namespace Modular.BuildingBlocks.Application.Paging;

/// <summary>A page of a read-side list, newest first; pass <see cref="NextBefore"/> as <c>before</c> for the next page.</summary>
public sealed record KeysetPage<T>(IReadOnlyList<T> Items, Guid? NextBefore)
{
    /// <summary>
    /// The page of rows read with <c>Take(limit)</c> from a query filtered after the cursor and sorted on the unique id; a
    /// full page names its last row's id as the next page's <c>before</c>.
    /// </summary>
    public static KeysetPage<T> Of<TRow>(IReadOnlyList<TRow> rows, int limit, Func<TRow, Guid> id, Func<TRow, T> toItem) =>
        new(rows.Select(toItem).ToList(), rows.Count == limit ? id(rows[^1]) : null);
}

/// <summary>How many rows a list endpoint returns: 50 unless asked, never more than 200.</summary>
public static class PageLimit
{
    public const int Default = 50;
    public const int Max = 200;

    public static int Clamp(int? limit) => Math.Clamp(limit ?? Default, 1, Max);
}
