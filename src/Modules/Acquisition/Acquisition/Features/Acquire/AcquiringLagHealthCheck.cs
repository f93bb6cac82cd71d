using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Modular.Acquisition.Features.Acquire;

/// <summary>Readiness is Degraded when acquiring is behind by more than <see cref="AcquiringOptions.LagThreshold"/>.</summary>
internal sealed class AcquiringLagHealthCheck(AcquiringLag lag, IOptions<AcquiringOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var behind = await lag.MeasureAsync(settings.Lookback, cancellationToken);
        var data = new Dictionary<string, object> { ["lagSeconds"] = Math.Round(behind.TotalSeconds, 1), ["thresholdSeconds"] = settings.LagThreshold.TotalSeconds };
        return behind > settings.LagThreshold
            ? HealthCheckResult.Degraded($"Acquiring is {behind.TotalSeconds:0} s behind (threshold {settings.LagThreshold.TotalSeconds:0} s).", data: data)
            : HealthCheckResult.Healthy("Acquiring keeps up.", data);
    }
}
