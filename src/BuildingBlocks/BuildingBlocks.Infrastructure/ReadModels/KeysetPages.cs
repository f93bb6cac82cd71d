using Marten;
using Marten.Linq.MatchesSql;
using Modular.BuildingBlocks.Application.Paging;

namespace Modular.BuildingBlocks.Infrastructure.ReadModels;

public static class KeysetPages
{
    /// <summary>
    /// One page of a filtered query, newest first: the documents whose id comes before <paramref name="before"/> (the
    /// previous page's last, or none for the first page), ordered by id descending, the order every list index ends in.
    /// </summary>
    public static Task<KeysetPage<TItem>> ToNewestFirstPageAsync<TDocument, TItem>(
        this IQueryable<TDocument> query, Guid? before, int limit, Func<TDocument, TItem> toItem, CancellationToken cancellationToken)
        where TDocument : IReadDocument
    {
        if (before is { } cursor)
        {
            query = query.Where(document => document.MatchesSql("d.id < ?", cursor));
        }

        return query.OrderBySql("d.id desc").ToKeysetPageAsync(limit, toItem, cancellationToken);
    }

    /// <summary>
    /// Reads one page of a query already filtered after the cursor and sorted on a unique key; a full page names its last
    /// document's id as the next page's <c>before</c>.
    /// </summary>
    public static async Task<KeysetPage<TItem>> ToKeysetPageAsync<TDocument, TItem>(
        this IQueryable<TDocument> query, int limit, Func<TDocument, TItem> toItem, CancellationToken cancellationToken)
        where TDocument : IReadDocument
    {
        var documents = await query.Take(limit).ToListAsync(cancellationToken);
        return KeysetPage<TItem>.Of(documents, limit, document => document.Id, toItem);
    }
}
