using MassTransit;
using Modular.Acquisition.Contracts;
using Modular.Funding.Contracts;
using Modular.Funding.Infrastructure;

namespace Modular.Funding.Features.PledgeSaga;

/// <summary>
/// The payment of a pledge. It starts in AwaitingPayment in the pledge's own transaction (the pledge batcher inserts the
/// instance and its AuthorizePayment), then: authorized ⇒ Completed and counted into the totals (the saga ends: a
/// later cancel or refund voids the payment itself); declined or no answer before the deadline ⇒ Failed with the reward
/// released once (the pledge row's conditional UPDATE). A backer's cancel while the payment is pending, and an approval
/// that arrives after the pledge failed or was cancelled, are voided with CancelPayment.
/// </summary>
internal sealed class PledgeStateMachine : MassTransitStateMachine<PledgeState>
{
    public PledgeStateMachine()
    {
        InstanceState(state => state.CurrentState);
        // Acquisition sends its answers to this saga's queue (AuthorizePayment.AnswerTo); one for a pledge that is gone is dropped.
        Event(() => Authorized, e => { e.CorrelateById(context => context.Message.Reference); e.OnMissingInstance(m => m.Discard()); });
        Event(() => Declined, e => { e.CorrelateById(context => context.Message.Reference); e.OnMissingInstance(m => m.Discard()); });
        Event(() => TimedOut, e => { e.CorrelateById(context => context.Message.PledgeId); e.OnMissingInstance(m => m.Discard()); });
        Event(() => Changed, e => { e.CorrelateById(context => context.Message.PledgeId); e.OnMissingInstance(m => m.Discard()); });

        During(AwaitingPayment,
            When(Authorized)
                .Activity(activity => activity.OfType<CompletePledgeActivity>())
                .IfElse(context => context.Saga.PledgeChanged,
                    completed => completed.Finalize(),
                    alreadyCancelled => alreadyCancelled.Publish(CancelPaymentOf).TransitionTo(Cancelled)),
            When(Declined)
                .Activity(activity => activity.OfType<FailPledgeActivity<PaymentDeclined>>())
                .TransitionTo(Failed),
            When(TimedOut)
                .Activity(activity => activity.OfType<FailPledgeActivity<PledgePaymentTimedOut>>())
                .TransitionTo(Failed),
            // The backer (or the project's failure) cancelled the pending pledge, and its handler voided the payment;
            // stay to void the approval that may still come.
            When(Changed, context => context.Message.Status == PledgeRows.Cancelled).TransitionTo(Cancelled),
            Ignore(Changed, context => context.Message.Status != PledgeRows.Cancelled));

        During(Failed, Cancelled,
            // A late approval (after a decline, a timeout or a cancel) is voided.
            When(Authorized).Publish(CancelPaymentOf),
            Ignore(Declined),
            Ignore(TimedOut),
            Ignore(Changed));

        SetCompletedWhenFinalized();
    }

    public State AwaitingPayment { get; private set; } = null!;
    public State Failed { get; private set; } = null!;
    public State Cancelled { get; private set; } = null!;

    public Event<PaymentAuthorized> Authorized { get; private set; } = null!;
    public Event<PaymentDeclined> Declined { get; private set; } = null!;
    public Event<PledgePaymentTimedOut> TimedOut { get; private set; } = null!;
    public Event<PledgeChanged> Changed { get; private set; } = null!;

    private static CancelPayment CancelPaymentOf<TMessage>(BehaviorContext<PledgeState, TMessage> context)
        where TMessage : class => new(context.Saga.MerchantId, context.Saga.CorrelationId);
}
