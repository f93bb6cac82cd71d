using Npgsql;

namespace Modular.Bench.Billing;

/// <summary>
/// The highest number of server connections seen per pool while it runs, sampled from pg_stat_activity every 100 ms:
/// the platform names every pool by its application_name (modular-billing, modular-iam, their -read pools). Open
/// counts every connection the pool holds (idle ones kept from earlier work too), active those running a statement at
/// once, used the distinct connections that ran a statement while it sampled (idle ones kept from before do not count).
/// </summary>
internal sealed class ConnectionPeaks : IAsyncDisposable
{
    private readonly NpgsqlDataSource _database;
    private readonly Dictionary<string, (int Open, int Active)> _peaks = [];
    private readonly HashSet<(string Pool, int Backend)> _used = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;

    public ConnectionPeaks(NpgsqlDataSource database)
    {
        _database = database;
        _sampling = SampleAsync();
    }

    public async Task<IReadOnlyDictionary<string, (int Open, int Active, int Used)>> StopAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        return _peaks.ToDictionary(pool => pool.Key, pool => (pool.Value.Open, pool.Value.Active, _used.Count(used => used.Pool == pool.Key)));
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        var started = DateTime.UtcNow;
        while (!_stop.IsCancellationRequested)
        {
            await using (var command = _database.CreateCommand(
                             """
                             SELECT application_name, count(*)::int, (count(*) FILTER (WHERE state NOT IN ('idle')))::int,
                                    coalesce(array_agg(pid) FILTER (WHERE state <> 'idle' OR state_change >= $1), '{}')
                             FROM pg_stat_activity WHERE datname = current_database() GROUP BY 1
                             """))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = started });
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    var pool = reader.GetString(0);
                    var (open, active) = _peaks.GetValueOrDefault(pool);
                    _peaks[pool] = (Math.Max(open, reader.GetInt32(1)), Math.Max(active, reader.GetInt32(2)));
                    foreach (var backend in reader.GetFieldValue<int[]>(3))
                    {
                        _used.Add((pool, backend));
                    }
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
