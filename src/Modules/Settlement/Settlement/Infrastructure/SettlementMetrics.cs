using System.Diagnostics.Metrics;

namespace Modular.Settlement.Infrastructure;

/// <summary>Settlement's business meter "Modular.Settlement": ledger rows written, entries set apart, export rows and outcomes.</summary>
internal sealed class SettlementMetrics : IDisposable
{
    public const string MeterName = "Modular.Settlement";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _ledgered;
    private readonly Counter<long> _unledgered;
    private readonly Counter<long> _exportedRows;
    private readonly Counter<long> _exports;

    public SettlementMetrics()
    {
        _ledgered = _meter.CreateCounter<long>("modular.settlement.ledger_rows", description: "Ledger rows added from acquisitions");
        _unledgered = _meter.CreateCounter<long>("modular.settlement.unledgered_acquisitions", description: "Acquisitions set apart, not ledgered");
        _exportedRows = _meter.CreateCounter<long>("modular.settlement.exported_rows", description: "Ledger rows written to export files");
        _exports = _meter.CreateCounter<long>("modular.settlement.exports", description: "Export jobs finished, by outcome");
    }

    public void Ledgered(int rows, int refused)
    {
        _ledgered.Add(rows);
        if (refused > 0)
        {
            _unledgered.Add(refused);
        }
    }

    public void Exported(long rows, string outcome)
    {
        _exportedRows.Add(rows);
        _exports.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
    }

    public void Dispose() => _meter.Dispose();
}
