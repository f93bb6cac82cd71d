using Modular.BuildingBlocks.Infrastructure.Persistence;

namespace Modular.BuildingBlocks.Infrastructure.ReadModels;

/// <summary>
/// Applies a batch of changes to documents inside the consumer's transaction: lock the affected ids, load what exists
/// in one query, fold each change into its document, store them all in one SaveChanges. With the lock held, each
/// document's load-modify-store is serialized across hosts; the fold itself must commute (a state rank, a version, a
/// set of timeline entries), so the result is the same whatever order the changes arrive in.
/// </summary>
public static class DocumentProjection
{
    public static async Task ApplyAsync<TContext, TDocument, TChange>(
        this ReadStore<TContext> store,
        TContext dbContext,
        IReadOnlyCollection<TChange> changes,
        Func<TChange, Guid> idOf,
        Func<Guid, TDocument?, TChange, TDocument> apply,
        CancellationToken cancellationToken)
        where TContext : ModuleDbContext
        where TDocument : class, IReadDocument
    {
        if (changes.Count == 0)
        {
            return;
        }

        var ids = changes.Select(idOf).Distinct().ToArray();
        await DocumentLocks.LockAsync(dbContext, store.Schema, ids, cancellationToken);
        await using var session = store.SessionIn(dbContext);
        var documents = (await session.LoadManyAsync<TDocument>(cancellationToken, ids)).ToDictionary(document => document.Id);
        foreach (var change in changes)
        {
            var id = idOf(change);
            documents[id] = apply(id, documents.GetValueOrDefault(id), change);
        }

        session.Store(documents.Values.ToArray());
        await session.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>A read document, identified by the id of the entity it shows.</summary>
public interface IReadDocument
{
    Guid Id { get; }
}
