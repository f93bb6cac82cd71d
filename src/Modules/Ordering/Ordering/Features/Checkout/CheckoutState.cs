using MassTransit;

namespace Modular.Ordering.Features.Checkout;

/// <summary>The checkout of one order (CorrelationId = order id).</summary>
internal sealed class CheckoutState : SagaStateMachineInstance
{
    public Guid CorrelationId { get; set; }
    public string CurrentState { get; set; } = "";
    public Guid MerchantId { get; set; }
    public long Amount { get; set; }
    public DateTime PaymentDeadline { get; set; }
    public DateTime? TimeoutPublishedAt { get; set; }

    /// <summary>Set by an order-row activity: whether the order was still in the state the transition expects.</summary>
    public bool OrderChanged { get; set; }
}
