using MassTransit;
using MassTransit.Configuration;
using MassTransit.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Modular.BuildingBlocks.Infrastructure.Messaging.Inbox;
using Modular.BuildingBlocks.Infrastructure.Messaging.Priority;
using Modular.BuildingBlocks.Infrastructure.Persistence;

namespace Modular.BuildingBlocks.Infrastructure.Messaging;

/// <summary>
/// Puts in front of every consumer and saga message pipe of a module's endpoint, in this order: the
/// <see cref="BackgroundGate"/> (waiting there holds no connection), the module's <see cref="ConsumerConnectionBudget{TContext}"/>,
/// then the <see cref="InboxFilter{TContext,TMessage}"/> (the transaction).
/// </summary>
internal sealed class ModuleConsumePipeObserver<TContext>(string endpointName, IRegistrationContext registration)
    : IConsumerConfigurationObserver, ISagaConfigurationObserver
    where TContext : ModuleDbContext
{
    private readonly ConsumeScopeProvider _scopeProvider = new(registration);
    private readonly BackgroundGate _gate = registration.GetRequiredService<BackgroundGate>();
    private readonly ConsumerConnectionBudget<TContext> _budget = registration.GetRequiredService<ConsumerConnectionBudget<TContext>>();

    public void ConsumerConfigured<TConsumer>(IConsumerConfigurator<TConsumer> configurator)
        where TConsumer : class
    {
    }

    public void ConsumerMessageConfigured<TConsumer, TMessage>(IConsumerMessageConfigurator<TConsumer, TMessage> configurator)
        where TConsumer : class
        where TMessage : class =>
        AddFilters<TConsumer, TMessage>((IConsumerMessageConfigurator<TMessage>)configurator);

    public void SagaConfigured<TSaga>(ISagaConfigurator<TSaga> configurator)
        where TSaga : class, ISaga
    {
    }

    public void StateMachineSagaConfigured<TInstance>(ISagaConfigurator<TInstance> configurator, SagaStateMachine<TInstance> stateMachine)
        where TInstance : class, ISaga, SagaStateMachineInstance
    {
    }

    public void SagaMessageConfigured<TSaga, TMessage>(ISagaMessageConfigurator<TSaga, TMessage> configurator)
        where TSaga : class, ISaga
        where TMessage : class =>
        AddFilters<TSaga, TMessage>((ISagaMessageConfigurator<TMessage>)configurator);

    private void AddFilters<THandler, TMessage>(IPipeConfigurator<ConsumeContext<TMessage>> configurator)
        where TMessage : class
    {
        var consumer = $"{endpointName}/{typeof(THandler).Name}";
        configurator.AddPipeSpecification(new FilterPipeSpecification<ConsumeContext<TMessage>>(new BackgroundGateFilter<TMessage>(_gate)));
        configurator.AddPipeSpecification(new FilterPipeSpecification<ConsumeContext<TMessage>>(new ConsumerConnectionBudgetFilter<TContext, TMessage>(_budget)));
        configurator.AddPipeSpecification(new FilterPipeSpecification<ConsumeContext<TMessage>>(InboxFor<TMessage>(consumer)));
    }

    /// <summary>A batch consumer's pipe carries <c>Batch&lt;T&gt;</c>: its inbox claims every message of the batch at once.</summary>
    private IFilter<ConsumeContext<TMessage>> InboxFor<TMessage>(string consumer)
        where TMessage : class
    {
        if (typeof(TMessage).IsGenericType && typeof(TMessage).GetGenericTypeDefinition() == typeof(Batch<>))
        {
            var batchFilter = typeof(BatchInboxFilter<,>).MakeGenericType(typeof(TContext), typeof(TMessage).GetGenericArguments()[0]);
            var logger = registration.GetRequiredService<ILoggerFactory>().CreateLogger(batchFilter);
            return (IFilter<ConsumeContext<TMessage>>)Activator.CreateInstance(batchFilter, _scopeProvider, consumer, logger)!;
        }

        return new InboxFilter<TContext, TMessage>(_scopeProvider, consumer);
    }
}
