using MassTransit;
using MassTransit.Context;
using MassTransit.Middleware;
using MassTransit.Middleware.Outbox;
using Modular.BuildingBlocks.Infrastructure.Messaging.Outbox;
using Modular.BuildingBlocks.Infrastructure.Persistence;

namespace Modular.BuildingBlocks.Infrastructure.Messaging.Inbox;

/// <summary>
/// The consume context a consumer or saga sees: whatever it publishes or sends is written to the module's outbox, in the
/// same transaction as its database changes, instead of going to the broker.
/// </summary>
internal sealed class ModuleOutboxConsumeContext<TMessage> : ConsumeContextProxy<TMessage>, OutboxSendContext
    where TMessage : class
{
    private readonly ModuleDbContext _dbContext;
    private readonly IServiceProvider _services;

    public ModuleOutboxConsumeContext(ConsumeContext<TMessage> context, ModuleDbContext dbContext, IServiceProvider services)
        : base(context)
    {
        _dbContext = dbContext;
        _services = services;
        var receiveContext = new OutboxReceiveContext(this, context.ReceiveContext);
        ReceiveContext = receiveContext;
        PublishEndpointProvider = receiveContext.PublishEndpointProvider;
    }

    /// <summary>Set once the consumer's transaction has ended; later sends (MassTransit's Fault notification) cannot join it.</summary>
    public bool TransactionEnded { get; set; }

    public Task AddSend<T>(SendContext<T> context)
        where T : class
    {
        if (TransactionEnded)
        {
            // The failed message itself goes to the _error queue; its Fault event has no subscriber to lose.
            return Task.CompletedTask;
        }

        _dbContext.AddToOutbox(OutboxMessageFactory.ForSend(context));
        return Task.CompletedTask;
    }

    public object? GetService(Type serviceType) => _services.GetService(serviceType);
}
