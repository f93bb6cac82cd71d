using Npgsql;

namespace Modular.Bench.Billing;

/// <summary>
/// The highest number of server connections seen per pool while it runs, sampled from pg_stat_activity every 100 ms:
/// the platform names every pool by its application_name (modular-billing, modular-iam, their -read pools). Open
/// counts every connection the pool holds (idle ones kept from earlier work too), active those running a statement.
/// </summary>
internal sealed class ConnectionPeaks : IAsyncDisposable
{
    private readonly NpgsqlDataSource _database;
    private readonly Dictionary<string, (int Open, int Active)> _peaks = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;

    public ConnectionPeaks(NpgsqlDataSource database)
    {
        _database = database;
        _sampling = SampleAsync();
    }

    public async Task<IReadOnlyDictionary<string, (int Open, int Active)>> StopAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        return _peaks;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            await using (var command = _database.CreateCommand(
                             """
                             SELECT application_name, count(*)::int, (count(*) FILTER (WHERE state NOT IN ('idle')))::int
                             FROM pg_stat_activity WHERE datname = current_database() GROUP BY 1
                             """))
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    var pool = reader.GetString(0);
                    var (open, active) = _peaks.GetValueOrDefault(pool);
                    _peaks[pool] = (Math.Max(open, reader.GetInt32(1)), Math.Max(active, reader.GetInt32(2)));
                }
            }

            try
            {
                await Task.Delay(100, _stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }
}
