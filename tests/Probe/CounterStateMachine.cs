using MassTransit;

namespace Modular.Tests.Probe;

public sealed class CounterState : SagaStateMachineInstance
{
    public Guid CorrelationId { get; set; }
    public required string CurrentState { get; set; }
    public int Count { get; set; }
    public int Target { get; set; }
}

/// <summary>Counts CounterIncremented events per counter; publishes CounterReached once the target is hit, then finishes.</summary>
public sealed class CounterStateMachine : MassTransitStateMachine<CounterState>
{
    public CounterStateMachine()
    {
        InstanceState(state => state.CurrentState);
        Event(() => Incremented, e => e.CorrelateById(context => context.Message.CounterId));

        Initially(When(Incremented).Then(Count).TransitionTo(Counting).If(IsReached, Reach));
        During(Counting, When(Incremented).Then(Count).If(IsReached, Reach));
        SetCompletedWhenFinalized();
    }

    public State Counting { get; private set; } = null!;

    public Event<CounterIncremented> Incremented { get; private set; } = null!;

    private static void Count(BehaviorContext<CounterState, CounterIncremented> context)
    {
        context.Saga.Count++;
        context.Saga.Target = context.Message.Target;
    }

    private static bool IsReached(BehaviorContext<CounterState, CounterIncremented> context) => context.Saga.Count >= context.Saga.Target;

    private static EventActivityBinder<CounterState, CounterIncremented> Reach(EventActivityBinder<CounterState, CounterIncremented> binder) =>
        binder.Publish(context => new CounterReached(context.Saga.CorrelationId, context.Saga.Count)).Finalize();
}
