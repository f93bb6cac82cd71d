using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Modular.BuildingBlocks.Infrastructure.Messaging;

namespace Modular.BuildingBlocks.Web.Health;

/// <summary>
/// Degraded while this instance dead-lettered a message (an outbox row given up, or a consumed message moved to _error)
/// within <see cref="MessagingOptions.DeadLetterWindow"/>: someone has to look at it, and a burst of them means a bug.
/// </summary>
internal sealed class DeadLetterHealthCheck(MessagingMetrics metrics, IOptions<MessagingOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var window = options.Value.DeadLetterWindow;
        var modules = metrics.DeadLetteredWithin(window);
        return Task.FromResult(modules.Count == 0
            ? HealthCheckResult.Healthy($"No dead letters in the last {window.TotalMinutes:0} min.")
            : HealthCheckResult.Degraded($"Dead letters in the last {window.TotalMinutes:0} min in: {string.Join(", ", modules)}."));
    }
}
