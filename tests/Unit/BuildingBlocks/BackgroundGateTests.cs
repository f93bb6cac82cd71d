using Microsoft.Extensions.Options;
using Modular.BuildingBlocks.Infrastructure.Messaging;
using Modular.BuildingBlocks.Infrastructure.Messaging.Priority;

namespace Modular.Tests.Unit.BuildingBlocks;

public sealed class BackgroundGateTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);
    private readonly ManualClock _clock = new();

    [Fact]
    public async Task While_the_web_tier_is_quiet_background_work_enters_at_once_without_taking_a_slot()
    {
        var (_, gate) = Build(busyAt: 4, slots: 1);

        var passes = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => gate.EnterAsync(CancellationToken.None).AsTask()));

        passes.ShouldAllBe(pass => !pass.WhileBusy);
    }

    [Fact]
    public async Task While_busy_only_the_configured_slots_run_and_a_finished_unit_lets_the_next_one_in()
    {
        var (demand, gate) = Build(busyAt: 4, slots: 2);
        StartRequests(demand, 4);

        var first = await gate.EnterAsync(CancellationToken.None);
        var second = await gate.EnterAsync(CancellationToken.None);
        var third = gate.EnterAsync(CancellationToken.None).AsTask();

        first.WhileBusy.ShouldBeTrue();
        await Should.ThrowAsync<TimeoutException>(() => third.WaitAsync(TimeSpan.FromMilliseconds(200)), "two slots are taken");
        first.Dispose();
        (await third.WaitAsync(Patience)).WhileBusy.ShouldBeTrue();
        second.Dispose();
    }

    [Fact]
    public async Task Busy_outlasts_a_dip_under_the_threshold_by_a_second_then_waiters_enter_freely()
    {
        var (demand, gate) = Build(busyAt: 4, slots: 1);
        StartRequests(demand, 4);
        using var held = await gate.EnterAsync(CancellationToken.None);
        var waiting = gate.EnterAsync(CancellationToken.None).AsTask();
        for (var i = 0; i < 4; i++)
        {
            demand.RequestEnded();
        }

        _clock.Advance(TimeSpan.FromMilliseconds(900));
        demand.IsBusy.ShouldBeTrue("a saturated instance's count dips now and then; busy holds for a second");
        await Should.ThrowAsync<TimeoutException>(() => waiting.WaitAsync(TimeSpan.FromMilliseconds(200)));

        _clock.Advance(TimeSpan.FromMilliseconds(200));
        demand.IsBusy.ShouldBeFalse();
        (await waiting.WaitAsync(Patience)).WhileBusy.ShouldBeFalse("the burst is over: the waiter runs without a slot");
    }

    [Fact]
    public void A_threshold_of_zero_never_yields()
    {
        var (demand, _) = Build(busyAt: 0, slots: 1);
        StartRequests(demand, 1_000);

        demand.IsBusy.ShouldBeFalse();
    }

    [Fact]
    public async Task A_cancelled_waiter_stops_waiting_and_takes_no_slot()
    {
        var (demand, gate) = Build(busyAt: 1, slots: 1);
        StartRequests(demand, 1);
        var held = await gate.EnterAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Should.ThrowAsync<OperationCanceledException>(() => gate.EnterAsync(cancel.Token).AsTask());

        held.Dispose();
        using var next = await gate.EnterAsync(CancellationToken.None).AsTask().WaitAsync(Patience);
        next.WhileBusy.ShouldBeTrue();
    }

    private (ForegroundDemand Demand, BackgroundGate Gate) Build(int busyAt, int slots)
    {
        var options = Options.Create(new MessagingOptions { YieldToRequestsInFlight = busyAt, BackgroundSlotsWhenBusy = slots });
        var demand = new ForegroundDemand(options, _clock);
        return (demand, new BackgroundGate(demand, options));
    }

    private static void StartRequests(ForegroundDemand demand, int count)
    {
        for (var i = 0; i < count; i++)
        {
            demand.RequestStarted();
        }
    }

    /// <summary>Time moves only when the test says so (the gate's own re-check timer still runs in real time).</summary>
    private sealed class ManualClock : TimeProvider
    {
        private long _now = 1_000_000;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Read(ref _now);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _now, by.Ticks);
    }
}
