namespace Modular.BuildingBlocks.Infrastructure.Persistence;

/// <summary>Runs a module's command in one transaction on that module's DbContext (honouring the caller's Idempotency-Key).</summary>
public interface IModuleUnitOfWork
{
    bool Handles(Type requestType);

    Task<TResult> RunAsync<TResult>(object request, Func<Task<TResult>> work, CancellationToken cancellationToken);
}
