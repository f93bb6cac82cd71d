using MassTransit;
using Modular.BuildingBlocks.Infrastructure.Persistence;

namespace Modular.BuildingBlocks.Infrastructure.Messaging.Priority;

/// <summary>
/// How many message transactions a module's consumers and sagas hold at once, across all its endpoints: a share of the
/// module's pool (<see cref="MessagingOptions.ConsumerShareOfPool"/>). Every endpoint may run 16 messages at once, so a
/// burst (a 1,000-row invitation's user events) took every connection and the module's HTTP requests waited for one.
/// </summary>
internal sealed class ConsumerConnectionBudget<TContext>(int connections)
    where TContext : ModuleDbContext
{
    private readonly SemaphoreSlim _connections = new(Math.Max(1, connections));

    public async Task SendAsync<TMessage>(ConsumeContext<TMessage> context, IPipe<ConsumeContext<TMessage>> next)
        where TMessage : class
    {
        await _connections.WaitAsync(context.CancellationToken);
        try
        {
            await next.Send(context);
        }
        finally
        {
            _connections.Release();
        }
    }
}

/// <summary>Makes a message (or batch) take one of its module's <see cref="ConsumerConnectionBudget{TContext}"/> slots before its transaction starts.</summary>
internal sealed class ConsumerConnectionBudgetFilter<TContext, TMessage>(ConsumerConnectionBudget<TContext> budget) : IFilter<ConsumeContext<TMessage>>
    where TContext : ModuleDbContext
    where TMessage : class
{
    public Task Send(ConsumeContext<TMessage> context, IPipe<ConsumeContext<TMessage>> next) => budget.SendAsync(context, next);

    public void Probe(ProbeContext context) => context.CreateFilterScope("consumerConnectionBudget");
}
