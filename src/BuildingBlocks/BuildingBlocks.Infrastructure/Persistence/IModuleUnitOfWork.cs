namespace Modular.BuildingBlocks.Infrastructure.Persistence;

/// <summary>Runs a module's command in one transaction on that module's DbContext.</summary>
public interface IModuleUnitOfWork
{
    bool Handles(Type requestType);

    Task<TResult> RunAsync<TResult>(Func<Task<TResult>> work, CancellationToken cancellationToken);
}
