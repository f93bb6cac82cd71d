using MassTransit;
using Modular.Acquisition.Contracts;
using Modular.Ordering.Features.PlaceOrder.Reservations;
using Modular.Ordering.Infrastructure;

namespace Modular.Ordering.Features.Checkout;

/// <summary>Marks the order Paid when it still waits for payment (a shopper may have cancelled it meanwhile).</summary>
internal sealed class PayOrderActivity(OrderingDbContext db, OrderingMetrics metrics) : IStateMachineActivity<CheckoutState, PaymentAuthorized>
{
    public async Task Execute(BehaviorContext<CheckoutState, PaymentAuthorized> context, IBehavior<CheckoutState, PaymentAuthorized> next)
    {
        context.Saga.OrderChanged = await OrderRows.PayAsync(db, context.Saga.CorrelationId, context.CancellationToken);
        if (context.Saga.OrderChanged)
        {
            metrics.Paid();
        }

        await next.Execute(context);
    }

    public Task Faulted<TException>(BehaviorExceptionContext<CheckoutState, PaymentAuthorized, TException> context, IBehavior<CheckoutState, PaymentAuthorized> next)
        where TException : Exception => next.Faulted(context);

    public void Probe(ProbeContext context) => context.CreateScope("pay-order");

    public void Accept(StateMachineVisitor visitor) => visitor.Visit(this);
}

/// <summary>Cancels the order for a payment failure and returns its stock, once.</summary>
internal sealed class CancelOrderActivity<TMessage>(OrderingDbContext db, SoldOutProducts soldOut, OrderingMetrics metrics) : IStateMachineActivity<CheckoutState, TMessage>
    where TMessage : class
{
    public async Task Execute(BehaviorContext<CheckoutState, TMessage> context, IBehavior<CheckoutState, TMessage> next)
    {
        var reason = context.Message is PaymentDeclined ? "payment.declined" : "payment.timeout";
        var returned = await OrderRows.CancelAsync(db, context.Saga.CorrelationId, customerId: null, reason, context.CancellationToken);
        context.Saga.OrderChanged = returned is not null;
        foreach (var productId in returned ?? [])
        {
            soldOut.Clear(productId);
        }

        if (returned is not null)
        {
            metrics.Cancelled(reason);
            await context.Publish(new Contracts.OrderCancelled(context.Saga.CorrelationId, reason, DateTimeOffset.UtcNow));
        }

        await next.Execute(context);
    }

    public Task Faulted<TException>(BehaviorExceptionContext<CheckoutState, TMessage, TException> context, IBehavior<CheckoutState, TMessage> next)
        where TException : Exception => next.Faulted(context);

    public void Probe(ProbeContext context) => context.CreateScope("cancel-order");

    public void Accept(StateMachineVisitor visitor) => visitor.Visit(this);
}
