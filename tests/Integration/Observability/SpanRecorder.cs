using System.Collections.Concurrent;
using System.Diagnostics;

namespace Modular.Tests.Integration.Observability;

/// <summary>
/// Records, in the test process (where the test hosts run), every finished span of the platform's sources: an
/// ActivityListener samples them all, whatever the hosts' own sampler would keep.
/// </summary>
internal sealed class SpanRecorder : IDisposable
{
    private static readonly string[] Sources = ["Microsoft.AspNetCore", "MassTransit", "Npgsql"];
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ActivityListener _listener;

    public SpanRecorder()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => Sources.Contains(source.Name) || source.Name.StartsWith("Modular.", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<Activity> Of(ActivityTraceId traceId) => _spans.Where(span => span.TraceId == traceId).ToList();

    public void Dispose() => _listener.Dispose();
}
