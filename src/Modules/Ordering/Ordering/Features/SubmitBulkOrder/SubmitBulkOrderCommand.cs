using Modular.BuildingBlocks.Application.Messaging;
using Modular.Ordering.Features.PlaceOrder;

namespace Modular.Ordering.Features.SubmitBulkOrder;

internal enum BulkOrderMode
{
    /// <summary>Every line is reserved, or none and the bulk order is rejected.</summary>
    AllOrNothing,

    /// <summary>The lines that fit are reserved and ordered; the others are reported short.</summary>
    BestEffort,
}

internal sealed record SubmitBulkOrderCommand(Guid CustomerId, IReadOnlyList<PlaceOrderLine> Lines, BulkOrderMode Mode, string CardToken)
    : ICommand<BulkOrderAccepted>;

internal sealed record BulkOrderAccepted(Guid Id, string Status);
