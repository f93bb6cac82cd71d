using System.Diagnostics.Metrics;
using Modular.Acquisition.Contracts;
using Modular.Acquisition.Domain;

namespace Modular.Acquisition.Infrastructure;

/// <summary>
/// Acquisition's business meter "Modular.Acquisition": authorization outcomes and the acquiring loop. Labels are short
/// fixed lists (a decline code, an acquisition kind), never an id.
/// </summary>
internal sealed class AcquisitionMetrics : IDisposable
{
    public const string MeterName = "Modular.Acquisition";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _approvals;
    private readonly Counter<long> _declines;
    private readonly Counter<long> _acquired;
    private readonly Counter<long> _isolated;
    private readonly Counter<long> _abandoned;
    private readonly Counter<long> _errorRecordingFailures;
    private readonly Counter<long> _alerts;
    private readonly Histogram<double> _runDuration;
    private double _lagSeconds;
    private long _acquiredTotal;
    private long _isolatedTotal;

    public AcquisitionMetrics()
    {
        _approvals = _meter.CreateCounter<long>("modular.acquisition.payment_approvals", description: "Payments the card network approved");
        _declines = _meter.CreateCounter<long>("modular.acquisition.payment_declines", description: "Payments declined, by decline code");
        _acquired = _meter.CreateCounter<long>("modular.acquisition.acquired", description: "Acquisitions committed, by kind (Payment, Cancellation); its rate is acquired per second");
        _isolated = _meter.CreateCounter<long>("modular.acquisition.acquiring_isolated", description: "Items the acquiring loop set apart into its error table (first failure)");
        _abandoned = _meter.CreateCounter<long>("modular.acquisition.acquiring_abandoned", description: "Acquiring errors abandoned after their retries");
        _errorRecordingFailures = _meter.CreateCounter<long>(
            "modular.acquisition.acquiring_error_recording_failures", description: "Errors or alerts the acquiring loop could not record or send (the run went on)");
        _alerts = _meter.CreateCounter<long>("modular.acquisition.acquiring_alerts", description: "Alert e-mails sent for abandoned acquiring errors");
        _runDuration = _meter.CreateHistogram<double>("modular.acquisition.acquiring_run_duration", unit: "s", description: "Duration of one acquiring run");
        _meter.CreateObservableGauge("modular.acquisition.acquiring_lag", () => Volatile.Read(ref _lagSeconds), unit: "s",
            description: "Age of the oldest approved payment not yet acquired (nor set apart), as last measured");
    }

    /// <summary>Counts a payment's first answer; Pending and NoAnswer are no answer yet.</summary>
    public void Answered(PaymentTransaction payment)
    {
        switch (payment.Status)
        {
            case PaymentStatus.Approved:
                _approvals.Add(1);
                break;
            case PaymentStatus.Declined:
                Declined(payment.DeclineCode!);
                break;
        }
    }

    public void Declined(string code) => _declines.Add(1, new KeyValuePair<string, object?>("code", code));

    public void Acquired(IReadOnlyList<AcquisitionEntry> entries)
    {
        foreach (var kind in entries.GroupBy(entry => entry.Kind))
        {
            _acquired.Add(kind.Count(), new KeyValuePair<string, object?>("kind", kind.Key));
        }

        Interlocked.Add(ref _acquiredTotal, entries.Count);
    }

    public void Isolated(int count)
    {
        _isolated.Add(count);
        Interlocked.Add(ref _isolatedTotal, count);
    }

    /// <summary>Acquired and isolated since this instance started (the console's chart reads their rates), as JSON needs them.</summary>
    public (long Acquired, long Isolated) Totals() => (Interlocked.Read(ref _acquiredTotal), Interlocked.Read(ref _isolatedTotal));

    public void Abandoned(int count) => _abandoned.Add(count);

    public void ErrorRecordingFailed(int count) => _errorRecordingFailures.Add(count);

    public void AlertSent() => _alerts.Add(1);

    public void RunCompleted(TimeSpan duration) => _runDuration.Record(duration.TotalSeconds);

    public void Lag(TimeSpan lag) => Volatile.Write(ref _lagSeconds, lag.TotalSeconds);

    public void Dispose() => _meter.Dispose();
}
