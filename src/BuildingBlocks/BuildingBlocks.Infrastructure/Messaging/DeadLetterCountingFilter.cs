using MassTransit;

namespace Modular.BuildingBlocks.Infrastructure.Messaging;

/// <summary>
/// Outermost on a module's endpoints, outside the retry: an exception that gets here failed every attempt, and MassTransit
/// now moves the message to the _error queue. Counts it as the module's consumer dead letter (metrics and readiness).
/// </summary>
internal sealed class DeadLetterCountingFilter(MessagingMetrics metrics, string module) : IFilter<ConsumeContext>
{
    public async Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
    {
        try
        {
            await next.Send(context);
        }
        catch (Exception) when (!context.CancellationToken.IsCancellationRequested)
        {
            metrics.ConsumerDeadLettered(module);
            throw;
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("dead-letter-counting");
}
