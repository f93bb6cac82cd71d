using System.Diagnostics.Metrics;

namespace Modular.IAM.Infrastructure;

/// <summary>IAM's business meter "Modular.IAM": invitations mailed (by result: Sent or Failed) and accepted.</summary>
internal sealed class IamMetrics : IDisposable
{
    public const string MeterName = "Modular.IAM";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _mailed;
    private readonly Counter<long> _accepted;

    public IamMetrics()
    {
        _mailed = _meter.CreateCounter<long>("modular.iam.invitations_mailed", description: "Invitation e-mails settled, by result (Sent, Failed)");
        _accepted = _meter.CreateCounter<long>("modular.iam.invitations_accepted", description: "Invitations accepted (user activated)");
    }

    public void Mailed(string result) => _mailed.Add(1, new KeyValuePair<string, object?>("result", result));

    public void Accepted() => _accepted.Add(1);

    public void Dispose() => _meter.Dispose();
}
