using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Modular.BuildingBlocks.Infrastructure.Messaging.Inbox;
using Modular.BuildingBlocks.Infrastructure.Messaging.Sagas;
using Modular.BuildingBlocks.Infrastructure.Persistence;

namespace Modular.BuildingBlocks.Infrastructure.Messaging;

public static class ModuleEndpoints
{
    /// <summary>
    /// Every receive endpoint of the module (named "&lt;module&gt;-...") gets: retry outside the transaction, the background
    /// gate, the inbox and consumer outbox on the module's DbContext, a durable quorum queue, and bounded concurrency.
    /// </summary>
    public static IBusRegistrationConfigurator AddModuleEndpoints<TContext>(this IBusRegistrationConfigurator bus, string module)
        where TContext : ModuleDbContext
    {
        bus.AddConfigureEndpointsCallback((context, endpointName, endpoint) =>
        {
            if (!endpointName.StartsWith(module + "-", StringComparison.Ordinal))
            {
                return;
            }

            var options = context.GetRequiredService<IOptions<MessagingOptions>>().Value;
            endpoint.UseFilter(new DeadLetterCountingFilter(context.GetRequiredService<MessagingMetrics>(), module));
            // Outside the inbox filter, so each retry is a fresh transaction: serialization failures, deadlocks and
            // duplicate-key races (40001, 40P01, 23505) are retried like any other failure, then the message goes to _error.
            endpoint.UseMessageRetry(retry => retry.Exponential(options.ConsumeAttempts - 1, TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(50)));
            var pipe = new ModuleConsumePipeObserver<TContext>(endpointName, context);
            endpoint.ConnectConsumerConfigurationObserver(pipe);
            endpoint.ConnectSagaConfigurationObserver(pipe);
            // Raise only: a batch consumer's options may already have asked for more.
            endpoint.ConcurrentMessageLimit = Math.Max(endpoint.ConcurrentMessageLimit ?? 0, options.ConcurrentMessageLimit);
            if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
            {
                rabbit.PrefetchCount = Math.Max(rabbit.PrefetchCount, options.PrefetchCount);
                rabbit.SetQuorumQueue();
            }
        });
        return bus;
    }

    /// <summary>
    /// A consumer that handles its messages in batches (projections, high-volume requests): it implements
    /// <c>IConsumer&lt;Batch&lt;TMessage&gt;&gt;</c>, and each batch (up to <see cref="MessagingOptions.ConsumerBatchSize"/>
    /// messages, or what arrived within <see cref="MessagingOptions.ConsumerBatchWindow"/>) is one inbox transaction
    /// instead of one per message. One failing message fails (and retries) its whole batch, so such consumers answer bad
    /// input with messages, never with exceptions. <paramref name="messageLimit"/> lowers the batch size for messages that
    /// are themselves chunks of many items (Settlement's ledger takes 1,000 acquisitions per message).
    /// </summary>
    public static IBusRegistrationConfigurator AddModuleBatchConsumer<TConsumer>(this IBusRegistrationConfigurator bus, int? messageLimit = null)
        where TConsumer : class, IConsumer
    {
        bus.AddConsumer<TConsumer>((context, consumer) =>
        {
            var options = context.GetRequiredService<IOptions<MessagingOptions>>().Value;
            consumer.Options<BatchOptions>(batch => batch
                .SetMessageLimit(Math.Min(options.ConsumerBatchSize, messageLimit ?? int.MaxValue))
                .SetTimeLimit(options.ConsumerBatchWindow)
                .SetConcurrencyLimit(options.ConsumerBatchConcurrency));
        });
        return bus;
    }

    /// <summary>
    /// A state machine saga persisted in the module's DbContext (row lock per message, inside the inbox transaction);
    /// its queue's address is <see cref="SagaEndpoint{TState}"/>.
    /// </summary>
    public static IBusRegistrationConfigurator AddModuleSaga<TStateMachine, TState, TContext>(this IBusRegistrationConfigurator bus)
        where TStateMachine : class, SagaStateMachine<TState>
        where TState : class, SagaStateMachineInstance
        where TContext : ModuleDbContext
    {
        bus.AddSagaStateMachine<TStateMachine, TState>().Repository(repository =>
        {
            repository.AddScoped<MassTransit.Saga.ISagaConsumeContextFactory<TContext, TState>, MassTransit.Saga.SagaConsumeContextFactory<TContext, TState>>();
            repository.AddScoped<MassTransit.Saga.ISagaRepositoryContextFactory<TState>, ModuleSagaRepositoryContextFactory<TContext, TState>>();
        });
        bus.AddSingleton<SagaEndpoint<TState>>();
        return bus;
    }
}
