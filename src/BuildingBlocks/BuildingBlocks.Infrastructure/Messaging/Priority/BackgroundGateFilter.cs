using MassTransit;

namespace Modular.BuildingBlocks.Infrastructure.Messaging.Priority;

/// <summary>Makes a consumer's or saga's message (or batch) pass the <see cref="BackgroundGate"/> before its transaction starts.</summary>
internal sealed class BackgroundGateFilter<TMessage>(BackgroundGate gate) : IFilter<ConsumeContext<TMessage>>
    where TMessage : class
{
    public async Task Send(ConsumeContext<TMessage> context, IPipe<ConsumeContext<TMessage>> next)
    {
        using var pass = await gate.EnterAsync(context.CancellationToken);
        await next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("backgroundGate");
}
