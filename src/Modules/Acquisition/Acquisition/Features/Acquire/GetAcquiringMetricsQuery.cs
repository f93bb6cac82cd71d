using Modular.BuildingBlocks.Application.Messaging;

namespace Modular.Acquisition.Features.Acquire;

internal sealed record GetAcquiringMetricsQuery : IQuery<AcquiringMetricsResponse>;

/// <summary>
/// Totals since the answering instance started (the leader does the acquiring, so a standby's stay 0) and the lag as
/// measured now in the database; a reader takes the rates from two readings.
/// </summary>
internal sealed record AcquiringMetricsResponse(long Acquired, long Isolated, double LagSeconds, DateTime MeasuredAt);
