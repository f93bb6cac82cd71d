using System.Diagnostics;
using Modular.BuildingBlocks.Web.Observability;
using OpenTelemetry.Trace;

namespace Modular.Tests.Unit.BuildingBlocks;

public sealed class PlatformSamplerTests
{
    private readonly PlatformSampler _everything = new(ratio: 1);

    [Theory]
    [InlineData(ActivityKind.Server)]
    [InlineData(ActivityKind.Consumer)]
    [InlineData(ActivityKind.Producer)]
    public void A_trace_starts_where_work_enters(ActivityKind kind) =>
        Decide(_everything, default, kind).ShouldBe(SamplingDecision.RecordAndSample);

    [Theory]
    [InlineData(ActivityKind.Client)]
    [InlineData(ActivityKind.Internal)]
    public void A_background_loop_s_sql_or_internal_span_starts_no_trace(ActivityKind kind) =>
        Decide(_everything, default, kind).ShouldBe(SamplingDecision.Drop);

    [Fact]
    public void A_child_of_a_recorded_span_is_recorded_whatever_the_ratio()
    {
        var parent = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        Decide(new PlatformSampler(ratio: 0), parent, ActivityKind.Client).ShouldBe(SamplingDecision.RecordAndSample);
    }

    [Fact]
    public void With_a_ratio_of_zero_no_request_starts_a_trace() =>
        Decide(new PlatformSampler(ratio: 0), default, ActivityKind.Server).ShouldBe(SamplingDecision.Drop);

    private static SamplingDecision Decide(PlatformSampler sampler, ActivityContext parent, ActivityKind kind) =>
        sampler.ShouldSample(new SamplingParameters(parent, ActivityTraceId.CreateRandom(), "span", kind)).Decision;
}
