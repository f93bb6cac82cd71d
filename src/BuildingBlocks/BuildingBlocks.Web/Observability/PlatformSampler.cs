using System.Diagnostics;
using OpenTelemetry.Trace;

namespace Modular.BuildingBlocks.Web.Observability;

/// <summary>
/// Parent-based ratio sampling, except that a trace never starts at a client or internal span: background loops
/// (outbox polls, backlog measurements, timeout scans) would otherwise start a trace per SQL command. Traces start where
/// work enters the platform: an HTTP request, a consumed message, a message a worker publishes.
/// </summary>
internal sealed class PlatformSampler(double ratio) : Sampler
{
    private static readonly SamplingResult Drop = new(SamplingDecision.Drop);
    private readonly ParentBasedSampler _inner = new(new TraceIdRatioBasedSampler(ratio));

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        samplingParameters.ParentContext.TraceId == default && samplingParameters.Kind is ActivityKind.Client or ActivityKind.Internal
            ? Drop
            : _inner.ShouldSample(samplingParameters);
}
