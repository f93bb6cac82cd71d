using System.Diagnostics;
using Npgsql;

// The seed's acquiring daemon after its fix, as a minimal reference: one thread, every 2 s; each run reads every approved
// payment not yet acquired nor in the error table into a list, validates it row by row (a bad row is inserted into the
// error table on its own), then stores the valid rows in one batch insert, one transaction, all or nothing.
// Settings (environment): ConnectionString, MaxAmount (100,000,000), IntervalMs (2,000). Stops on SIGTERM.
var connectionString = Environment.GetEnvironmentVariable("ConnectionString") ?? throw new InvalidOperationException("ConnectionString is not set");
var maxAmount = long.Parse(Environment.GetEnvironmentVariable("MaxAmount") ?? "100000000", System.Globalization.CultureInfo.InvariantCulture);
var interval = TimeSpan.FromMilliseconds(int.Parse(Environment.GetEnvironmentVariable("IntervalMs") ?? "2000", System.Globalization.CultureInfo.InvariantCulture));
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();

await using var dataSource = NpgsqlDataSource.Create(connectionString);
while (!stop.IsCancellationRequested)
{
    var started = Stopwatch.GetTimestamp();
    var (acquired, isolated) = await Daemon.RunAsync(dataSource, maxAmount);
    if (acquired + isolated > 0)
    {
        Console.WriteLine($"run: {acquired} acquired, {isolated} isolated in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
    }

    try
    {
        await Task.Delay(interval, stop.Token);
    }
    catch (OperationCanceledException)
    {
        break;
    }
}

internal sealed record Payment(Guid Id, Guid MerchantId, long Amount, DateTime ApprovedAt, bool MerchantKnown, decimal? FeeRate, string? VatRule);

internal static class Daemon
{
    private const string Pending =
        """
        SELECT p.id, p.merchant_id, p.amount, p.approved_at, m.id IS NOT NULL, m.fee_rate, m.vat_rule
        FROM acquisition.payment_transactions p LEFT JOIN acquisition.merchants m ON m.id = p.merchant_id
        WHERE p.status = 'Approved'
          AND NOT EXISTS (SELECT 1 FROM acquiring_reference.acquisitions a WHERE a.payment_id = p.id)
          AND NOT EXISTS (SELECT 1 FROM acquiring_reference.errors e WHERE e.payment_id = p.id)
        ORDER BY p.approved_at, p.id
        """;

    private const string InsertError =
        "INSERT INTO acquiring_reference.errors (payment_id, code, message, first_seen) VALUES ($1, $2, $3, now())";

    private const string InsertAcquisition =
        """
        INSERT INTO acquiring_reference.acquisitions (payment_id, merchant_id, amount, fee, vat, approved_at, acquired_at)
        VALUES ($1, $2, $3, $4, $5, $6, clock_timestamp())
        """;

    // The JDBC batch's size: statements sent per round trip, all inside the run's one transaction.
    private const int StatementsPerRoundTrip = 1_000;

    public static async Task<(int Acquired, int Isolated)> RunAsync(NpgsqlDataSource dataSource, long maxAmount)
    {
        var payments = new List<Payment>();
        await using (var command = dataSource.CreateCommand(Pending))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                payments.Add(new Payment(reader.GetGuid(0), reader.GetGuid(1), reader.GetInt64(2), reader.GetDateTime(3), reader.GetBoolean(4),
                    reader.IsDBNull(5) ? null : reader.GetDecimal(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
            }
        }

        var valid = new List<(Payment Payment, long Fee, long Vat)>();
        var isolated = 0;
        foreach (var payment in payments)
        {
            var error = Validate(payment, maxAmount);
            if (error is { } reason)
            {
                await using var insert = dataSource.CreateCommand(InsertError);
                insert.Parameters.Add(new NpgsqlParameter { Value = payment.Id });
                insert.Parameters.Add(new NpgsqlParameter { Value = reason.Code });
                insert.Parameters.Add(new NpgsqlParameter { Value = reason.Message });
                await insert.ExecuteNonQueryAsync();
                isolated++;
                continue;
            }

            var fee = (long)Math.Round(payment.Amount * payment.FeeRate!.Value, MidpointRounding.AwayFromZero);
            valid.Add((payment, fee, payment.VatRule == "Taxable10Percent" ? fee / 10 : 0));
        }

        if (valid.Count > 0)
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            foreach (var part in valid.Chunk(StatementsPerRoundTrip))
            {
                await using var batch = new NpgsqlBatch(connection, transaction);
                foreach (var (payment, fee, vat) in part)
                {
                    batch.BatchCommands.Add(new NpgsqlBatchCommand(InsertAcquisition)
                    {
                        Parameters =
                        {
                            new() { Value = payment.Id }, new() { Value = payment.MerchantId }, new() { Value = payment.Amount },
                            new() { Value = fee }, new() { Value = vat }, new() { Value = payment.ApprovedAt },
                        },
                    });
                }

                await batch.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }

        return (valid.Count, isolated);
    }

    private static (string Code, string Message)? Validate(Payment payment, long maxAmount) => payment switch
    {
        { MerchantKnown: false } => ("merchant.unknown", "The merchant is unknown."),
        { FeeRate: null } => ("fee_rate.missing", "The merchant has no fee rate."),
        { FeeRate: <= 0 or >= 0.2m } => ("fee_rate.out_of_range", $"The fee rate {payment.FeeRate} is out of range."),
        { VatRule: null } => ("vat_rule.missing", "The merchant has no VAT rule."),
        { VatRule: not ("Taxable10Percent" or "Exempt" or "ZeroRated") } => ("vat_rule.unknown", $"The VAT rule {payment.VatRule} is unknown."),
        _ when payment.Amount < 1 || payment.Amount > maxAmount => ("amount.out_of_range", $"The amount {payment.Amount} is out of range."),
        _ => null,
    };
}
