using Modular.Acquisition.ReadModels;
using Modular.BuildingBlocks.Application.Messaging;
using Modular.BuildingBlocks.Application.Paging;

namespace Modular.Acquisition.Features.GetTransactions;

/// <summary>From/To bound the request time (from inclusive, to exclusive); Before is the previous page's NextBefore.</summary>
internal sealed record GetTransactionsQuery(DateTime? From, DateTime? To, string? Status, Guid? MerchantId, Guid? Before, int Limit)
    : IQuery<KeysetPage<TransactionSummary>>;
