using MassTransit;

namespace Modular.BuildingBlocks.Infrastructure.Messaging.Sagas;

/// <summary>
/// The queue a module's saga listens on. A module that asks another for an answer (a payment) names this address, so
/// the answer reaches the saga that asked and no other module's saga. It names the exchange in front of the queue: a
/// <c>queue:</c> address would have the sender declare the queue, as a classic one, which the quorum queue refuses.
/// </summary>
public sealed class SagaEndpoint<TState>(IEndpointNameFormatter names)
    where TState : class, ISaga
{
    public Uri Address { get; } = new($"exchange:{names.Saga<TState>()}");
}
