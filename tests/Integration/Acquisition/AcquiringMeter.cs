using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Modular.Tests.Integration.Acquisition;

/// <summary>The acquiring loop's instruments as measured since the listener started: counters summed, the rest last value.</summary>
public sealed class AcquiringMeter : IDisposable
{
    private readonly ConcurrentDictionary<string, double> _measured = new();
    private readonly MeterListener _listener = new();

    public AcquiringMeter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Modular.Acquisition" && instrument.Name.Contains("acquir", StringComparison.Ordinal))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => _measured.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value));
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => _measured[instrument.Name] = value);
        _listener.Start();
    }

    /// <summary>The instrument's measure, observable gauges read now; null when it measured nothing yet.</summary>
    public double? this[string instrument]
    {
        get
        {
            _listener.RecordObservableInstruments();
            return _measured.TryGetValue(instrument, out var value) ? value : null;
        }
    }

    public void Dispose() => _listener.Dispose();
}
