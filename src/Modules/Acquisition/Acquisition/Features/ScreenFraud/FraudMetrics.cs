using System.Diagnostics.Metrics;
using Modular.Acquisition.Infrastructure;

namespace Modular.Acquisition.Features.ScreenFraud;

/// <summary>Fraud detection's instruments on Acquisition's meter: detections and rule failures, labelled by rule code.</summary>
internal sealed class FraudMetrics : IDisposable
{
    private readonly Meter _meter = new(AcquisitionMetrics.MeterName);
    private readonly Counter<long> _screened;
    private readonly Counter<long> _detections;
    private readonly Counter<long> _ruleFailures;

    public FraudMetrics()
    {
        _screened = _meter.CreateCounter<long>("modular.acquisition.fraud_screened_payments", description: "Acquired payments screened by the fraud rules");
        _detections = _meter.CreateCounter<long>("modular.acquisition.fraud_detections", description: "Payments a fraud rule flagged, by rule");
        _ruleFailures = _meter.CreateCounter<long>("modular.acquisition.fraud_rule_failures", description: "Screenings a fraud rule threw on and was skipped, by rule");
    }

    public void Screened(int payments) => _screened.Add(payments);

    public void Detected(string rule, int count) => _detections.Add(count, new KeyValuePair<string, object?>("rule", rule));

    public void RuleFailed(string rule) => _ruleFailures.Add(1, new KeyValuePair<string, object?>("rule", rule));

    public void Dispose() => _meter.Dispose();
}
