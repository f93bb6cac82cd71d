using MassTransit;

namespace Modular.Funding.Features.PledgeSaga;

/// <summary>The payment of one pledge (CorrelationId = pledge id).</summary>
internal sealed class PledgeState : SagaStateMachineInstance
{
    public Guid CorrelationId { get; set; }
    public string CurrentState { get; set; } = "";
    public Guid MerchantId { get; set; }
    public long Amount { get; set; }
    public DateTime PledgedAt { get; set; }
    public DateTime PaymentDeadline { get; set; }
    public DateTime? TimeoutPublishedAt { get; set; }

    /// <summary>Set by a pledge-row activity: whether the pledge was still in the state the transition expects.</summary>
    public bool PledgeChanged { get; set; }
}
