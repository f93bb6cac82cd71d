using MassTransit;
using Modular.Acquisition.Contracts;
using Modular.Funding.Infrastructure;

namespace Modular.Funding.Features.PledgeSaga;

/// <summary>Completes the pledge when it is still Pending (the backer may have cancelled it meanwhile) and counts it into the totals.</summary>
internal sealed class CompletePledgeActivity(FundingDbContext db, FundingMetrics metrics, TimeProvider clock) : IStateMachineActivity<PledgeState, PaymentAuthorized>
{
    public async Task Execute(BehaviorContext<PledgeState, PaymentAuthorized> context, IBehavior<PledgeState, PaymentAuthorized> next)
    {
        context.Saga.PledgeChanged = await PledgeRows.CompleteAsync(db, context.Saga.CorrelationId, clock.GetUtcNow(), context.CancellationToken) is not null;
        if (context.Saga.PledgeChanged)
        {
            metrics.Completed();
        }

        await next.Execute(context);
    }

    public Task Faulted<TException>(BehaviorExceptionContext<PledgeState, PaymentAuthorized, TException> context, IBehavior<PledgeState, PaymentAuthorized> next)
        where TException : Exception => next.Faulted(context);

    public void Probe(ProbeContext context) => context.CreateScope("complete-pledge");

    public void Accept(StateMachineVisitor visitor) => visitor.Visit(this);
}

/// <summary>Fails the pending pledge for a payment failure and releases its reward, once.</summary>
internal sealed class FailPledgeActivity<TMessage>(FundingDbContext db, FundingMetrics metrics, TimeProvider clock) : IStateMachineActivity<PledgeState, TMessage>
    where TMessage : class
{
    public async Task Execute(BehaviorContext<PledgeState, TMessage> context, IBehavior<PledgeState, TMessage> next)
    {
        var reason = context.Message is PaymentDeclined ? "payment.declined" : "payment.timeout";
        context.Saga.PledgeChanged = await PledgeRows.FailAsync(db, context.Saga.CorrelationId, reason, clock.GetUtcNow(), context.CancellationToken) is not null;
        if (context.Saga.PledgeChanged)
        {
            metrics.Failed(reason);
        }

        await next.Execute(context);
    }

    public Task Faulted<TException>(BehaviorExceptionContext<PledgeState, TMessage, TException> context, IBehavior<PledgeState, TMessage> next)
        where TException : Exception => next.Faulted(context);

    public void Probe(ProbeContext context) => context.CreateScope("fail-pledge");

    public void Accept(StateMachineVisitor visitor) => visitor.Visit(this);
}
