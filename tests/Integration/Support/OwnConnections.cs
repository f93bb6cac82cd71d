using System.Collections.Concurrent;
using System.Globalization;

namespace Modular.Tests.Integration.Support;

/// <summary>
/// Samples the TCP connections this process holds (Linux: its socket descriptors matched against /proc/net/tcp and tcp6)
/// and keeps the remote ports it saw, until disposed.
/// </summary>
public sealed class OwnConnections : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;

    private OwnConnections() => _sampling = SampleAsync(_stop.Token);

    /// <summary>Every remote port this process had a connection to while sampling.</summary>
    public ConcurrentDictionary<int, bool> RemotePorts { get; } = new();

    public static OwnConnections Watch() => new();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }

    private async Task SampleAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            Sample();
            try
            {
                await Task.Delay(20, stop);
            }
            catch (OperationCanceledException)
            {
                Sample();
            }
        }
    }

    private void Sample()
    {
        var sockets = OwnSocketInodes();
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
                var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (columns.Length > 9 && sockets.Contains(columns[9]))
                {
                    RemotePorts[int.Parse(columns[2][(columns[2].LastIndexOf(':') + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)] = true;
                }
            }
        }
    }

    private static HashSet<string> OwnSocketInodes()
    {
        var inodes = new HashSet<string>();
        foreach (var descriptor in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
        {
            // A descriptor closed between listing and reading it is simply gone.
            if (new FileInfo(descriptor).LinkTarget is { } target && target.StartsWith("socket:[", StringComparison.Ordinal))
            {
                inodes.Add(target["socket:[".Length..^1]);
            }
        }

        return inodes;
    }
}
