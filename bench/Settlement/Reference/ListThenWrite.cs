using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace Modular.Bench.Settlement.Reference;

/// <summary>
/// The seed's first design, minimal: load every matching ledger row into a list of objects, then write the CSV by
/// reflecting over the record's properties for every cell. Run in a child process whose GC heap is capped at the seed's
/// 4 GB box (DOTNET_GCHeapHardLimit), so it fails the way the seed did instead of taking the shared machine's memory.
/// </summary>
internal static class ListThenWrite
{
    public static async Task<object> RunAsync(NpgsqlDataSource database, DateTimeOffset from, DateTimeOffset to, string target)
    {
        var watch = Stopwatch.StartNew();
        var rows = new List<LedgerRecord>();
        string outcome;
        try
        {
            await using (var command = database.CreateCommand(
                             "SELECT data FROM settlement_read.mt_doc_ledgerentry WHERE requested_at >= $1 AND requested_at < $2 ORDER BY requested_at, id"))
            {
                command.Parameters.AddWithValue(from);
                command.Parameters.AddWithValue(to);
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    rows.Add(JsonSerializer.Deserialize<LedgerRecord>(reader.GetString(0), JsonSerializerOptions.Web)!);
                }
            }

            var properties = typeof(LedgerRecord).GetProperties(BindingFlags.Public | BindingFlags.Instance);
            await using var writer = new StreamWriter(target, append: false, new UTF8Encoding(true));
            await writer.WriteLineAsync(string.Join(',', properties.Select(property => property.Name)));
            foreach (var row in rows)
            {
                await writer.WriteLineAsync(string.Join(',', properties.Select(property => property.GetValue(row)?.ToString() ?? "")));
            }

            outcome = "completed";
        }
        catch (OutOfMemoryException)
        {
            outcome = "out_of_memory";
        }

        var loaded = rows.Count;
        rows = null;
        return new
        {
            outcome,
            rows_loaded = loaded,
            seconds = Math.Round(watch.Elapsed.TotalSeconds, 1),
            peak_rss_bytes = HostUnderTest.ProcStatus(Environment.ProcessId, "VmHWM:"),
        };
    }

    /// <summary>The export record as the seed's service held it: one object per row.</summary>
    private sealed class LedgerRecord
    {
        public string? TaxFormId { get; set; }
        public Guid PaymentId { get; set; }
        public Guid OrderNo { get; set; }
        public string? PayNo { get; set; }
        public DateTimeOffset RequestedAt { get; set; }
        public DateTimeOffset PaidAt { get; set; }
        public DateTimeOffset? CanceledAt { get; set; }
        public DateTimeOffset SubmittedAt { get; set; }
        public string? TransactionType { get; set; }
        public string? Pg { get; set; }
        public string? PayMethod { get; set; }
        public string? PayMethodDetail { get; set; }
        public string? ServiceType { get; set; }
        public string? SubmitType { get; set; }
        public string? CancelType { get; set; }
        public int Year { get; set; }
        public string? ReportNo { get; set; }
        public long Amount { get; set; }
        public long Fee { get; set; }
        public long Vat { get; set; }
        public long SaleAmount { get; set; }
        public long OrderAmount { get; set; }
        public long PgAmount { get; set; }
        public long Difference { get; set; }
    }
}
