using System.IO.Compression;
using System.Text.Json;
using Npgsql;

namespace Modular.Bench.Settlement;

/// <summary>Counts an export's rows (one CSV, or every entry of the zip) and checks a random sample field by field against the ledger.</summary>
internal static class CsvRows
{
    private static readonly string[] Fields =
    [
        "taxFormId", "paymentId", "orderNo", "payNo", "requestedAt", "paidAt", "canceledAt", "submittedAt", "transactionType", "pg", "payMethod",
        "payMethodDetail", "serviceType", "submitType", "cancelType", "year", "reportNo", "amount", "fee", "vat", "saleAmount", "orderAmount",
        "pgAmount", "difference",
    ];

    public static async Task<(long Rows, List<string[]> Sample)> ReadAsync(string path, bool zipped, int sampleSize, int seed)
    {
        var random = new Random(seed);
        var sample = new List<string[]>(sampleSize);
        long rows = 0;
        async Task CountAsync(Stream stream)
        {
            using var reader = new StreamReader(stream);
            await reader.ReadLineAsync();
            while (await reader.ReadLineAsync() is { } line)
            {
                rows++;
                // Reservoir sampling: every row has the same chance to be checked, in one pass and bounded memory.
                if (sample.Count < sampleSize)
                {
                    sample.Add(line.Split(','));
                }
                else if (random.NextInt64(rows) < sampleSize)
                {
                    sample[random.Next(sampleSize)] = line.Split(',');
                }
            }
        }

        if (zipped)
        {
            await using var zip = await ZipFile.OpenReadAsync(path);
            foreach (var entry in zip.Entries)
            {
                await using var stream = await entry.OpenAsync();
                await CountAsync(stream);
            }
        }
        else
        {
            await using var stream = File.OpenRead(path);
            await CountAsync(stream);
        }

        return (rows, sample);
    }

    /// <summary>Looks each sampled row up by (request time, payment, type, cancel time) on ledger_by_requested_at and compares all 24 fields.</summary>
    public static async Task<int> MismatchesAsync(NpgsqlDataSource database, IReadOnlyList<string[]> sample)
    {
        var mismatches = 0;
        foreach (var row in sample)
        {
            await using var command = database.CreateCommand("""
                SELECT data::text FROM settlement_read.mt_doc_ledgerentry
                 WHERE requested_at = $1 AND data->>'paymentId' = $2 AND transaction_type = $3
                """);
            command.Parameters.AddWithValue(DateTimeOffset.Parse(row[4]));
            command.Parameters.AddWithValue(row[1]);
            command.Parameters.AddWithValue(row[8]);
            var candidates = new List<JsonElement>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    candidates.Add(JsonDocument.Parse(reader.GetString(0)).RootElement.Clone());
                }
            }

            if (!candidates.Any(candidate => Matches(row, candidate)))
            {
                mismatches++;
                Console.Error.WriteLine($"mismatch: {string.Join(',', row)}");
            }
        }

        return mismatches;
    }

    private static bool Matches(string[] row, JsonElement document) =>
        row.Length == Fields.Length && Fields.Select((field, index) => Same(row[index], document.GetProperty(field))).All(same => same);

    private static bool Same(string cell, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => cell.Length == 0,
        JsonValueKind.Number => cell == value.GetRawText(),
        JsonValueKind.String when value.TryGetDateTimeOffset(out var at) && cell.Length > 0 && char.IsDigit(cell[0]) && cell.Contains('T') =>
            DateTimeOffset.Parse(cell) == at,
        _ => cell == value.GetString(),
    };
}
