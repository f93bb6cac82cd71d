using MediatR;
using Microsoft.Extensions.Options;
using Modular.Acquisition.Infrastructure;

namespace Modular.Acquisition.Features.Acquire;

internal sealed class GetAcquiringMetricsQueryHandler(AcquisitionMetrics metrics, AcquiringLag lag, IOptions<AcquiringOptions> options, TimeProvider clock)
    : IRequestHandler<GetAcquiringMetricsQuery, AcquiringMetricsResponse>
{
    public async Task<AcquiringMetricsResponse> Handle(GetAcquiringMetricsQuery query, CancellationToken cancellationToken)
    {
        var behind = await lag.MeasureAsync(options.Value.Lookback, cancellationToken);
        var (acquired, isolated) = metrics.Totals();
        return new AcquiringMetricsResponse(acquired, isolated, Math.Round(behind.TotalSeconds, 1), clock.GetUtcNow().UtcDateTime);
    }
}
