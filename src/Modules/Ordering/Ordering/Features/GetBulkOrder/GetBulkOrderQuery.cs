using Modular.BuildingBlocks.Application.Messaging;

namespace Modular.Ordering.Features.GetBulkOrder;

internal sealed record GetBulkOrderQuery(Guid BulkOrderId, Guid CustomerId) : IQuery<BulkOrderStatus>;

/// <summary>Status Pending, Completed (OrderId is the placed order) or Rejected; each line Reserved, Short or Released (all-or-nothing rejected).</summary>
internal sealed record BulkOrderStatus(Guid Id, string Mode, string Status, Guid? OrderId, IReadOnlyList<BulkOrderLineResult> Lines);

internal sealed record BulkOrderLineResult(int Line, Guid ProductId, int Quantity, string? Result);
