using Modular.BuildingBlocks.Application.Messaging;
using Modular.BuildingBlocks.Application.Paging;

namespace Modular.Acquisition.Features.GetAcquiringErrors;

/// <summary>From/To bound the first-seen time (from inclusive, to exclusive); Before is the previous page's NextBefore.</summary>
internal sealed record GetAcquiringErrorsQuery(string? Status, string? Code, Guid? MerchantId, DateTime? From, DateTime? To, Guid? Before, int Limit)
    : IQuery<KeysetPage<AcquiringErrorSummary>>;
