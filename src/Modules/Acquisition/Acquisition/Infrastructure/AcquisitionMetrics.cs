using System.Diagnostics.Metrics;
using Modular.Acquisition.Domain;

namespace Modular.Acquisition.Infrastructure;

/// <summary>Acquisition's business meter "Modular.Acquisition": authorization outcomes. The decline label is its code (a short fixed list), never an id.</summary>
internal sealed class AcquisitionMetrics : IDisposable
{
    public const string MeterName = "Modular.Acquisition";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _approvals;
    private readonly Counter<long> _declines;

    public AcquisitionMetrics()
    {
        _approvals = _meter.CreateCounter<long>("modular.acquisition.payment_approvals", description: "Payments the card network approved");
        _declines = _meter.CreateCounter<long>("modular.acquisition.payment_declines", description: "Payments declined, by decline code");
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

    public void Dispose() => _meter.Dispose();
}
