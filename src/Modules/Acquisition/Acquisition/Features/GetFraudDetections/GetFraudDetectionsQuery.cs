using Modular.BuildingBlocks.Application.Messaging;
using Modular.BuildingBlocks.Application.Paging;

namespace Modular.Acquisition.Features.GetFraudDetections;

/// <summary>From/To bound the detection time (from inclusive, to exclusive); Before is the previous page's NextBefore.</summary>
internal sealed record GetFraudDetectionsQuery(string? Status, string? Rule, Guid? MerchantId, DateTime? From, DateTime? To, Guid? Before, int Limit)
    : IQuery<KeysetPage<FraudDetectionSummary>>;
