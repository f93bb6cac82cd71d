using MediatR;
using Modular.BuildingBlocks.Application.Messaging;

namespace Modular.BuildingBlocks.Infrastructure.Persistence;

/// <summary>Innermost behaviour: a command runs in its module's transaction (entity changes and outbox together); a query runs without one.</summary>
internal sealed class UnitOfWorkBehaviour<TRequest, TResponse>(IEnumerable<IModuleUnitOfWork> unitsOfWork) : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not ICommand<TResponse>)
        {
            return next();
        }

        var unitOfWork = unitsOfWork.FirstOrDefault(unit => unit.Handles(typeof(TRequest)))
            ?? throw new InvalidOperationException($"No module write model handles {typeof(TRequest).Name}.");
        return unitOfWork.RunAsync(request!, () => next(), cancellationToken);
    }
}
