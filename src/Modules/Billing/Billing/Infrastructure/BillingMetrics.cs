using System.Diagnostics.Metrics;

namespace Modular.Billing.Infrastructure;

/// <summary>Billing's business meter "Modular.Billing". Labels are bounded: the failure code is one of a few, never an id.</summary>
internal sealed class BillingMetrics : IDisposable
{
    public const string MeterName = "Modular.Billing";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _mailed;
    private readonly Counter<long> _failed;
    private readonly Histogram<double> _rendering;

    public BillingMetrics()
    {
        _mailed = _meter.CreateCounter<long>("modular.billing.invoices_mailed", description: "Invoices a dispatch mailed");
        _failed = _meter.CreateCounter<long>("modular.billing.invoices_failed", description: "Invoices a dispatch could not mail, by code");
        _rendering = _meter.CreateHistogram<double>("modular.billing.pdf_render_duration", unit: "s", description: "Time to render one invoice PDF");
    }

    public void Mailed() => _mailed.Add(1);

    /// <param name="reason">The outcome's text; its code is what comes before the first ':'.</param>
    public void Failed(string reason) => _failed.Add(1, new KeyValuePair<string, object?>("code", reason.Split(':')[0]));

    public void Rendered(TimeSpan took) => _rendering.Record(took.TotalSeconds);

    public void Dispose() => _meter.Dispose();
}
