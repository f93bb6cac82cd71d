using MassTransit;
using Modular.Acquisition.Contracts;
using Modular.Ordering.Contracts;

namespace Modular.Ordering.Features.Checkout;

/// <summary>
/// The checkout of an order. It starts in AwaitingPayment in the order's own transaction (the reservation batcher
/// inserts the instance and its AuthorizePayment), then: authorized ⇒ Paid; declined or no answer before the deadline ⇒ Cancelled with the
/// stock returned (once: the order row's conditional UPDATE). A shopper's cancel cancels the payment; so does an
/// approval that arrives after the order was cancelled. An admin's shipment ends the checkout.
/// </summary>
internal sealed class CheckoutStateMachine : MassTransitStateMachine<CheckoutState>
{
    public CheckoutStateMachine()
    {
        InstanceState(state => state.CurrentState);
        // Acquisition sends its answers to this saga's queue (AuthorizePayment.AnswerTo); one for a checkout that is gone is dropped.
        Event(() => Authorized, e => { e.CorrelateById(context => context.Message.Reference); e.OnMissingInstance(m => m.Discard()); });
        Event(() => Declined, e => { e.CorrelateById(context => context.Message.Reference); e.OnMissingInstance(m => m.Discard()); });
        Event(() => TimedOut, e => { e.CorrelateById(context => context.Message.OrderId); e.OnMissingInstance(m => m.Discard()); });
        Event(() => CancelledOrder, e => { e.CorrelateById(context => context.Message.OrderId); e.OnMissingInstance(m => m.Discard()); });
        Event(() => Shipped, e => { e.CorrelateById(context => context.Message.OrderId); e.OnMissingInstance(m => m.Discard()); });

        During(AwaitingPayment,
            When(Authorized)
                .Activity(activity => activity.OfType<PayOrderActivity>())
                .IfElse(context => context.Saga.OrderChanged,
                    paid => paid
                        .Publish(context => new OrderPaid(context.Saga.CorrelationId, context.Message.PaymentId, context.Message.ApprovedAt))
                        .TransitionTo(Paid),
                    alreadyCancelled => alreadyCancelled.Publish(CancelPaymentOf).TransitionTo(Cancelled)),
            When(Declined)
                .Activity(activity => activity.OfType<CancelOrderActivity<PaymentDeclined>>())
                .TransitionTo(Cancelled),
            When(TimedOut)
                .Activity(activity => activity.OfType<CancelOrderActivity<CheckoutPaymentTimedOut>>())
                .TransitionTo(Cancelled),
            // The shopper cancelled while the authorization is under way: void whatever it becomes.
            When(CancelledOrder).Publish(CancelPaymentOf).TransitionTo(Cancelled),
            Ignore(Shipped));

        During(Paid,
            When(CancelledOrder).Publish(CancelPaymentOf).TransitionTo(Cancelled),
            When(Shipped).Finalize(),
            Ignore(Authorized),
            Ignore(Declined),
            Ignore(TimedOut));

        During(Cancelled,
            // A late approval (after a decline, timeout or shopper cancel) is voided.
            When(Authorized).Publish(CancelPaymentOf),
            Ignore(Declined),
            Ignore(TimedOut),
            Ignore(CancelledOrder),
            Ignore(Shipped));

        SetCompletedWhenFinalized();
    }

    public State AwaitingPayment { get; private set; } = null!;
    public State Paid { get; private set; } = null!;
    public State Cancelled { get; private set; } = null!;

    public Event<PaymentAuthorized> Authorized { get; private set; } = null!;
    public Event<PaymentDeclined> Declined { get; private set; } = null!;
    public Event<CheckoutPaymentTimedOut> TimedOut { get; private set; } = null!;
    public Event<OrderCancelled> CancelledOrder { get; private set; } = null!;
    public Event<OrderShipped> Shipped { get; private set; } = null!;

    private static CancelPayment CancelPaymentOf<TMessage>(BehaviorContext<CheckoutState, TMessage> context)
        where TMessage : class => new(context.Saga.MerchantId, context.Saga.CorrelationId);
}
