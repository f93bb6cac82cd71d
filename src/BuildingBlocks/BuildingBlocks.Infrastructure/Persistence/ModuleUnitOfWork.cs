using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modular.BuildingBlocks.Application.Messaging;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Domain.Errors;
using Modular.BuildingBlocks.Infrastructure.Messaging.Outbox;

namespace Modular.BuildingBlocks.Infrastructure.Persistence;

internal sealed class ModuleUnitOfWork<TContext>(IServiceProvider scope, OutboxSignals signals) : IModuleUnitOfWork
    where TContext : ModuleDbContext
{
    private static readonly string ModuleAssembly = typeof(TContext).Assembly.GetName().Name!;

    /// <summary>Commands declared in the module or in its Contracts belong to it.</summary>
    public bool Handles(Type requestType) =>
        requestType.Assembly.GetName().Name is { } name && (name == ModuleAssembly || name == ModuleAssembly + ".Contracts");

    public async Task<TResult> RunAsync<TResult>(object request, Func<Task<TResult>> work, CancellationToken cancellationToken)
    {
        // Resolved here, not injected, so a command of one module never rents the other modules' contexts.
        var dbContext = scope.GetRequiredService<TContext>();
        var key = IdempotencyKeyOf(scope);
        await using var transaction = await dbContext.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        if (key is { } claim)
        {
            var (claimed, answer) = await RequestKeys.ClaimAsync<TResult>(dbContext, claim.Caller, claim.Key, request, cancellationToken);
            if (!claimed)
            {
                return answer!;
            }
        }

        var result = await work();
        await dbContext.SaveChangesAsync(cancellationToken);
        if (key is { } stored)
        {
            await RequestKeys.StoreAsync(dbContext, stored.Caller, stored.Key, result, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        signals.Wake(dbContext.Schema);
        return result;
    }

    /// <summary>Keys belong to an authenticated caller; an anonymous request (e.g. self-registration) has none.</summary>
    private static (Guid Caller, string Key)? IdempotencyKeyOf(IServiceProvider services)
    {
        var key = services.GetService<IIdempotencyKey>()?.Value;
        var user = services.GetService<ICurrentUser>();
        if (key is null || user is not { IsAuthenticated: true })
        {
            return null;
        }

        return key.Length <= IIdempotencyKey.MaxLength
            ? (user.UserId, key)
            : throw new DomainException(new Error(
                "request.idempotency_key_invalid", $"An Idempotency-Key has at most {IIdempotencyKey.MaxLength} characters.", ErrorKind.Validation));
    }
}
