using Marten;
using Modular.BuildingBlocks.Application.Paging;

namespace Modular.BuildingBlocks.Infrastructure.ReadModels;

public static class KeysetPages
{
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
