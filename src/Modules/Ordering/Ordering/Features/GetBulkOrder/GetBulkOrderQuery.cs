using Modular.BuildingBlocks.Application.Messaging;

namespace Modular.Ordering.Features.GetBulkOrder;

internal sealed record GetBulkOrderQuery(Guid BulkOrderId) : IQuery<BulkOrderStatus>;

/// <summary>Status Pending, Completed (OrderId is the placed order) or Rejected; each line Reserved, Short or Released (all-or-nothing rejected).</summary>
internal sealed record BulkOrderStatus(
    Guid Id, Guid OrganizationId, string Mode, string Status, Guid? OrderId, DateTime SubmittedAt, DateTime? CompletedAt,
    IReadOnlyList<BulkOrderLineResult> Lines);

/// <summary>A line with its product's current name (null if the product is gone).</summary>
internal sealed record BulkOrderLineResult(int Line, Guid ProductId, string? ProductName, int Quantity, string? Result);
