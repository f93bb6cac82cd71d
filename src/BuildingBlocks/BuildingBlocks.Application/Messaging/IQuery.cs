using MediatR;

namespace Modular.BuildingBlocks.Application.Messaging;

/// <summary>A request that only reads: it runs without a transaction, usually against a read model.</summary>
public interface IQuery<out TResult> : IRequest<TResult>;
