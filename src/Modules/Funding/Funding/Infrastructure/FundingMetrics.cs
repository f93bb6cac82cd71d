using System.Diagnostics.Metrics;

namespace Modular.Funding.Infrastructure;

/// <summary>Funding's business meter "Modular.Funding". Labels are bounded: the failure reason is one of a few codes, never an id.</summary>
internal sealed class FundingMetrics : IDisposable
{
    public const string MeterName = "Modular.Funding";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _placed;
    private readonly Counter<long> _completed;
    private readonly Counter<long> _failed;

    public FundingMetrics()
    {
        _placed = _meter.CreateCounter<long>("modular.funding.pledges_placed", description: "Pledges accepted (reward reserved, waiting for payment)");
        _completed = _meter.CreateCounter<long>("modular.funding.pledges_completed", description: "Pledges whose payment was authorized");
        _failed = _meter.CreateCounter<long>("modular.funding.pledges_failed", description: "Pledges failed, by reason");
    }

    public void Placed(int count) => _placed.Add(count);

    public void Completed() => _completed.Add(1);

    public void Failed(string reason) => _failed.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Dispose() => _meter.Dispose();
}
