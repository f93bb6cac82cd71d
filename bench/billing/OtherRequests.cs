using System.Diagnostics;

namespace Modular.Bench.Billing;

/// <summary>
/// What other users do while a dispatch runs: <c>workers</c> clients in a closed loop over the given GETs (the invoice
/// list, price plans), each request timed; non-2xx answers and exceptions are errors.
/// </summary>
internal sealed class OtherRequests
{
    private readonly List<double> _latencies = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private int _errors;

    public OtherRequests(HttpClient client, IReadOnlyList<string> paths, int workers) =>
        _running = Task.WhenAll(Enumerable.Range(0, workers).Select(worker => LoopAsync(client, paths, worker)));

    public async Task<(int Requests, int Errors, double P50, double P95, double P99)> StopAsync()
    {
        await _stop.CancelAsync();
        await _running;
        var sorted = _latencies.Order().ToArray();
        double At(double quantile) => sorted.Length == 0 ? 0 : Math.Round(sorted[Math.Min(sorted.Length - 1, (int)(quantile * sorted.Length))], 1);
        return (sorted.Length, _errors, At(0.50), At(0.95), At(0.99));
    }

    private async Task LoopAsync(HttpClient client, IReadOnlyList<string> paths, int worker)
    {
        for (var index = worker; !_stop.IsCancellationRequested; index++)
        {
            var watch = Stopwatch.StartNew();
            try
            {
                using var response = await client.GetAsync(paths[index % paths.Count]);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref _errors);
                }
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref _errors);
            }

            lock (_latencies)
            {
                _latencies.Add(watch.Elapsed.TotalMilliseconds);
            }
        }
    }
}
