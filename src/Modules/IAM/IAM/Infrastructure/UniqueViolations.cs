using Microsoft.EntityFrameworkCore;
using Modular.BuildingBlocks.Domain.Errors;
using Npgsql;

namespace Modular.IAM.Infrastructure;

internal static class UniqueViolations
{
    /// <summary>
    /// Saves now so that a concurrent insert of the same unique value (which the handler's pre-check could not see)
    /// is answered as the domain conflict named for that index, not a server error.
    /// </summary>
    public static async Task SaveOrConflictAsync(this IamDbContext db, IReadOnlyDictionary<string, Error> errorByIndex, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique
                                                  && unique.ConstraintName is { } index && errorByIndex.TryGetValue(index, out var error))
        {
            throw new DomainException(error);
        }
    }
}
