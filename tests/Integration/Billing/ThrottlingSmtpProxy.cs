using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Modular.Tests.Integration.Billing;

/// <summary>
/// An SMTP relay's limits in front of maildev: past <c>mailsPerSecond</c> new mails in a second it answers
/// <c>451 4.7.1</c> to MAIL FROM (a transient refusal a sender must retry), and it refuses recipients of
/// <c>refusedDomain</c> with <c>550 5.1.1</c> (permanent). Everything else passes through to maildev, which keeps the
/// record of what was delivered. PIPELINING and CHUNKING are hidden from the client so that every command is answered
/// before the next one is sent, which lets the proxy answer some of them itself.
/// </summary>
public sealed class ThrottlingSmtpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _upstreamPort;
    private readonly int _mailsPerSecond;
    private readonly string _refusedDomain;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _window = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _windowSecond = -1;
    private int _inWindow;
    private int _throttled;
    private int _refused;
    private Task? _accepting;

    public ThrottlingSmtpProxy(int upstreamPort, int mailsPerSecond, string refusedDomain)
    {
        (_upstreamPort, _mailsPerSecond, _refusedDomain) = (upstreamPort, mailsPerSecond, refusedDomain);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>MAIL FROM commands answered 451 because the second's allowance was used up.</summary>
    public int Throttled => Volatile.Read(ref _throttled);

    public int Refused => Volatile.Read(ref _refused);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        if (_accepting is not null)
        {
            await _accepting;
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        var sessions = new List<Task>();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                sessions.Add(RelayAsync(client));
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        await Task.WhenAll(sessions);
    }

    private async Task RelayAsync(TcpClient client)
    {
        using var _ = client;
        using var upstream = new TcpClient();
        try
        {
            await upstream.ConnectAsync(IPAddress.Loopback, _upstreamPort, _stop.Token);
            var toClient = client.GetStream();
            var writes = new SemaphoreSlim(1);
            using var stopped = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            var replies = PumpRepliesAsync(upstream.GetStream(), toClient, writes, stopped.Token);
            await PumpCommandsAsync(toClient, upstream.GetStream(), writes, stopped.Token);
            await stopped.CancelAsync();
            await replies;
        }
        catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    private static async Task PumpRepliesAsync(NetworkStream server, NetworkStream client, SemaphoreSlim writes, CancellationToken cancellationToken)
    {
        try
        {
            using var reader = new StreamReader(server, Encoding.Latin1);
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                var hidden = line.Contains("PIPELINING", StringComparison.OrdinalIgnoreCase) || line.Contains("CHUNKING", StringComparison.OrdinalIgnoreCase)
                    ? line[..4] + "X-HIDDEN-BY-PROXY"
                    : line;
                await WriteAsync(client, writes, hidden, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    private async Task PumpCommandsAsync(NetworkStream client, NetworkStream server, SemaphoreSlim writes, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(client, Encoding.Latin1);
        var inData = false;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (inData)
            {
                inData = line != ".";
            }
            else if (line.StartsWith("MAIL FROM:", StringComparison.OrdinalIgnoreCase) && !TakeAllowance())
            {
                Interlocked.Increment(ref _throttled);
                await WriteAsync(client, writes, "451 4.7.1 Too many messages this second, try again later", cancellationToken);
                continue;
            }
            else if (line.StartsWith("RCPT TO:", StringComparison.OrdinalIgnoreCase) && line.Contains("@" + _refusedDomain, StringComparison.OrdinalIgnoreCase))
            {
                Interlocked.Increment(ref _refused);
                await WriteAsync(client, writes, "550 5.1.1 No such mailbox", cancellationToken);
                continue;
            }
            else if (line.Equals("DATA", StringComparison.OrdinalIgnoreCase))
            {
                inData = true;
            }

            await server.WriteAsync(Encoding.Latin1.GetBytes(line + "\r\n"), cancellationToken);
        }
    }

    private bool TakeAllowance()
    {
        lock (_window)
        {
            var second = _clock.ElapsedMilliseconds / 1000;
            if (second != _windowSecond)
            {
                (_windowSecond, _inWindow) = (second, 0);
            }

            return ++_inWindow <= _mailsPerSecond;
        }
    }

    private static async Task WriteAsync(NetworkStream stream, SemaphoreSlim writes, string line, CancellationToken cancellationToken)
    {
        await writes.WaitAsync(cancellationToken);
        try
        {
            await stream.WriteAsync(Encoding.Latin1.GetBytes(line + "\r\n"), cancellationToken);
        }
        finally
        {
            writes.Release();
        }
    }
}
