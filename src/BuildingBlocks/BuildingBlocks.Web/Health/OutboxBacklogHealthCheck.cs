using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Modular.BuildingBlocks.Infrastructure.Messaging;

namespace Modular.BuildingBlocks.Web.Health;

/// <summary>Degraded when any module's oldest undelivered outbox message is older than the threshold (delivery is stuck or far behind).</summary>
internal sealed class OutboxBacklogHealthCheck(MessagingMetrics metrics, IOptions<MessagingOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var threshold = options.Value.BacklogAgeThreshold;
        var summary = metrics.Backlogs.ToDictionary(
            pair => pair.Key,
            pair => (object)$"pending={pair.Value.Pending} oldest={pair.Value.OldestPendingAge.TotalSeconds:0.0}s deadLettered={pair.Value.DeadLettered}");
        var late = metrics.Backlogs.Where(pair => pair.Value.OldestPendingAge > threshold).Select(pair => pair.Key).ToList();
        return Task.FromResult(late.Count == 0
            ? HealthCheckResult.Healthy("Outboxes are keeping up.", summary)
            : HealthCheckResult.Degraded($"Outbox delivery is behind in: {string.Join(", ", late)}.", data: summary));
    }
}
