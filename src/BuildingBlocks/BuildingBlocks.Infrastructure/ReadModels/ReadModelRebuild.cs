using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Modular.BuildingBlocks.Infrastructure.Persistence;

namespace Modular.BuildingBlocks.Infrastructure.ReadModels;

/// <summary>Rebuilds one kind of a module's documents from its write model (<c>Host --rebuild-read-models &lt;module&gt;</c>).</summary>
public interface IReadModelRebuild
{
    string Module { get; }

    /// <summary>Returns how many documents were rebuilt.</summary>
    Task<int> RebuildAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Walks a write model's table by id in batches, each in its own short transaction while traffic flows: take the documents'
/// locks, read the rows (after the locks, so every change a projection already applied is visible), and merge the
/// rebuilt documents into what is stored with the same commuting fold the projections use.
/// </summary>
public sealed class ReadModelRebuild<TContext, TDocument>(
    string module,
    IServiceScopeFactory scopes,
    ReadStore<TContext> store,
    string table,
    Func<TContext, Guid[], CancellationToken, Task<IReadOnlyCollection<TDocument>>> load,
    Func<TDocument?, TDocument, TDocument> merge,
    ILogger<ReadModelRebuild<TContext, TDocument>> logger) : IReadModelRebuild
    where TContext : ModuleDbContext
    where TDocument : class, IReadDocument
{
    private const int BatchSize = 1_000;

    public string Module => module;

    public async Task<int> RebuildAsync(CancellationToken cancellationToken)
    {
        var rebuilt = 0;
        var after = Guid.Empty;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
            var ids = await NextIdsAsync(db, after, cancellationToken);
            if (ids.Length == 0)
            {
                break;
            }

            await DocumentLocks.LockAsync(db, store.Schema, ids, cancellationToken);
            var documents = await load(db, ids, cancellationToken);
            await store.ApplyAsync<TContext, TDocument, TDocument>(
                db, documents, document => document.Id, (_, current, fresh) => merge(current, fresh), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            rebuilt += documents.Count;
            after = ids[^1];
        }

        logger.LogInformation("Rebuilt {Count} {Document} documents of {Module}", rebuilt, typeof(TDocument).Name, module);
        return rebuilt;
    }

    private Task<Guid[]> NextIdsAsync(TContext db, Guid after, CancellationToken cancellationToken)
    {
        // The table is the module's own constant (the write model's table of the entity), never input.
        var sql = "SELECT id AS \"Value\" FROM " + table + " WHERE id > {0} ORDER BY id LIMIT {1}";
        return db.Database.SqlQueryRaw<Guid>(sql, after, BatchSize).ToArrayAsync(cancellationToken);
    }
}
