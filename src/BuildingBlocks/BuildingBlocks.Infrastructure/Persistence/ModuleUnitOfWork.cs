using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modular.BuildingBlocks.Infrastructure.Messaging.Outbox;

namespace Modular.BuildingBlocks.Infrastructure.Persistence;

internal sealed class ModuleUnitOfWork<TContext>(IServiceProvider scope, OutboxSignals signals) : IModuleUnitOfWork
    where TContext : ModuleDbContext
{
    private static readonly string ModuleAssembly = typeof(TContext).Assembly.GetName().Name!;

    /// <summary>Commands declared in the module or in its Contracts belong to it.</summary>
    public bool Handles(Type requestType) =>
        requestType.Assembly.GetName().Name is { } name && (name == ModuleAssembly || name == ModuleAssembly + ".Contracts");

    public async Task<TResult> RunAsync<TResult>(Func<Task<TResult>> work, CancellationToken cancellationToken)
    {
        // Resolved here, not injected, so a command of one module never rents the other modules' contexts.
        var dbContext = scope.GetRequiredService<TContext>();
        await using var transaction = await dbContext.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        var result = await work();
        await dbContext.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        signals.Wake(dbContext.Schema);
        return result;
    }
}
