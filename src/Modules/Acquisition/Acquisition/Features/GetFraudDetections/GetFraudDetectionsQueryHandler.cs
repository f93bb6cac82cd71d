using Marten;
using MediatR;
using Modular.Acquisition.Infrastructure;
using Modular.Acquisition.ReadModels;
using Modular.BuildingBlocks.Application.Paging;
using Modular.BuildingBlocks.Infrastructure.ReadModels;

namespace Modular.Acquisition.Features.GetFraudDetections;

/// <summary>
/// Newest first, keyset on the time-ordered id. A status filter is served by fraud_detections_by_status, a rule by
/// fraud_detections_by_rule, a merchant by fraud_detections_by_merchant, a period by fraud_detections_by_detected_at.
/// </summary>
internal sealed class GetFraudDetectionsQueryHandler(ReadStore<AcquisitionDbContext> store)
    : IRequestHandler<GetFraudDetectionsQuery, KeysetPage<FraudDetectionSummary>>
{
    public async Task<KeysetPage<FraudDetectionSummary>> Handle(GetFraudDetectionsQuery query, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var detections = session.Query<FraudDetectionDocument>().AsQueryable();
        if (query.Status is { } status)
        {
            detections = detections.Where(detection => detection.Status == status);
        }

        if (query.Rule is { } rule)
        {
            detections = detections.Where(detection => detection.Rule == rule);
        }

        if (query.MerchantId is { } merchantId)
        {
            detections = detections.Where(detection => detection.MerchantId == merchantId);
        }

        if (query.From is { } from)
        {
            var since = new DateTimeOffset(from.ToUniversalTime());
            detections = detections.Where(detection => detection.DetectedAt >= since);
        }

        if (query.To is { } to)
        {
            var until = new DateTimeOffset(to.ToUniversalTime());
            detections = detections.Where(detection => detection.DetectedAt < until);
        }

        if (query.Before is { } before)
        {
            detections = detections.Where(detection => detection.Id < before);
        }

        return await detections.OrderByDescending(detection => detection.Id).ToKeysetPageAsync(query.Limit, FraudDetectionSummary.From, cancellationToken);
    }
}
