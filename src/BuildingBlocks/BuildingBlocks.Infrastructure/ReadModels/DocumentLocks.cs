using Microsoft.EntityFrameworkCore;
using Modular.BuildingBlocks.Infrastructure.Persistence;

namespace Modular.BuildingBlocks.Infrastructure.ReadModels;

/// <summary>
/// Serializes writers of the same documents: a transaction-scoped advisory lock per document id, taken in key order in
/// one statement, so two batches sharing ids wait for each other instead of overwriting each other's load-modify-store,
/// and can never deadlock. Released at commit or rollback. A hash collision only makes two unrelated documents wait.
/// </summary>
internal static class DocumentLocks
{
    public static Task LockAsync(ModuleDbContext dbContext, string schema, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var space = StableHash(schema);
        // unnest keeps the array order, so the locks are taken in key order.
        var keys = ids.Select(id => id.GetHashCode()).Distinct().Order().ToArray();
        return dbContext.Database.ExecuteSqlRawAsync(
            "SELECT pg_advisory_xact_lock({0}, key) FROM unnest({1}) AS locks(key)", [space, keys], cancellationToken);
    }

    /// <summary>The same on every instance (string.GetHashCode is randomized per process).</summary>
    private static int StableHash(string text)
    {
        unchecked
        {
            var hash = (int)2166136261;
            foreach (var character in text)
            {
                hash = (hash ^ character) * 16777619;
            }

            return hash;
        }
    }
}
