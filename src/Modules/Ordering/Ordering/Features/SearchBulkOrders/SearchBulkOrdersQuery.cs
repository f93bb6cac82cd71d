using Modular.BuildingBlocks.Application.Messaging;
using Modular.BuildingBlocks.Application.Paging;

namespace Modular.Ordering.Features.SearchBulkOrders;

internal sealed record SearchBulkOrdersQuery(string? Status, Guid? Before, int Limit) : IQuery<KeysetPage<BulkOrderSummary>>;

/// <summary>A bulk order in the staff's list: its lines counted per result (Reserved, Short, Released) and the order it placed, if any.</summary>
internal sealed record BulkOrderSummary(
    Guid Id, Guid OrganizationId, Guid CustomerId, string Mode, string Status, Guid? OrderId, int LineCount, int Reserved, int Short, int Released,
    DateTime SubmittedAt, DateTime? CompletedAt);
