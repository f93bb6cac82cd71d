using MediatR;

namespace Modular.BuildingBlocks.Application.Messaging;

/// <summary>A request that changes state: it runs inside one transaction on its module's write model.</summary>
public interface ICommand<out TResult> : IRequest<TResult>;
