using Modular.BuildingBlocks.Application.Messaging;
using Modular.BuildingBlocks.Application.Paging;
using Modular.Settlement.Domain;

namespace Modular.Settlement.Features.SearchLedger;

/// <summary>Before is the previous page's NextBefore (the id of its last row).</summary>
internal sealed record SearchLedgerQuery(LedgerFilterInput Filter, Guid? Before, int Limit) : IQuery<KeysetPage<LedgerEntry>>;
