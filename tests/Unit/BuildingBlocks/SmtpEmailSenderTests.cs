using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Modular.BuildingBlocks.Infrastructure.Email;
using Modular.BuildingBlocks.Infrastructure.Settings;

namespace Modular.Tests.Unit.BuildingBlocks;

public sealed class SmtpEmailSenderTests
{
    private static readonly EmailMessage Message = new("someone@example.com", "Hello", "Body");

    [Fact]
    public async Task A_transient_4xx_reply_is_retried_until_the_server_accepts()
    {
        await using var server = ScriptedSmtpServer.Start(recipientReplies: ["451 4.3.0 try again later", "450 4.2.1 mailbox busy"]);
        using var sender = SenderFor(server);

        await sender.SendAsync(Message, CancellationToken.None);

        server.Attempts.ShouldBe(3);
        server.Delivered.ShouldBe(1);
    }

    [Fact]
    public async Task A_permanent_5xx_reply_is_not_retried()
    {
        await using var server = ScriptedSmtpServer.Start(recipientReplies: ["550 5.1.1 no such user"]);
        using var sender = SenderFor(server);

        await Should.ThrowAsync<EmailDeliveryException>(() => sender.SendAsync(Message, CancellationToken.None));

        server.Attempts.ShouldBe(1);
        server.Delivered.ShouldBe(0);
    }

    [Fact]
    public async Task Retries_stop_after_the_configured_attempts()
    {
        await using var server = ScriptedSmtpServer.Start(recipientReplies: Enumerable.Repeat("421 4.3.2 service not available", 10).ToArray());
        using var sender = SenderFor(server, maxAttempts: 3);

        await Should.ThrowAsync<EmailDeliveryException>(() => sender.SendAsync(Message, CancellationToken.None));

        server.Attempts.ShouldBe(3);
    }

    [Fact]
    public async Task Sends_are_paced_by_the_token_bucket()
    {
        await using var server = ScriptedSmtpServer.Start(recipientReplies: []);
        using var sender = SenderFor(server, permitsPerSecond: 10, burst: 1);
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => sender.SendAsync(Message, CancellationToken.None)));

        server.Delivered.ShouldBe(6);
        clock.Elapsed.ShouldBeGreaterThan(TimeSpan.FromMilliseconds(400));
    }

    [Fact]
    public async Task Connections_are_kept_open_and_reused_across_sends()
    {
        await using var server = ScriptedSmtpServer.Start(recipientReplies: []);
        using var sender = SenderFor(server, connections: 2);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => sender.SendAsync(Message, CancellationToken.None)));

        server.Delivered.ShouldBe(20);
        server.Connections.ShouldBeLessThanOrEqualTo(2);
    }

    [Fact]
    public async Task A_send_to_a_server_that_never_answers_is_cancelled_promptly()
    {
        await using var server = ScriptedSmtpServer.Start(recipientReplies: [], silent: true);
        using var sender = SenderFor(server);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        await Should.ThrowAsync<OperationCanceledException>(() => sender.SendAsync(Message, cancel.Token));

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void The_bucket_refills_in_small_steps_so_a_small_burst_does_not_cap_the_rate()
    {
        var bucket = SmtpEmailSender.BucketFor(new EmailOptions { PermitsPerSecond = 100, Burst = 5 });

        (bucket.TokensPerPeriod / bucket.ReplenishmentPeriod.TotalSeconds).ShouldBe(100, tolerance: 0.001);
        bucket.TokenLimit.ShouldBe(10);
    }

    private static SmtpEmailSender SenderFor(
        ScriptedSmtpServer server, int maxAttempts = 4, int permitsPerSecond = 1000, int burst = 100, int connections = 4) =>
        new(new SmtpSettings("127.0.0.1", server.Port), Options.Create(new EmailOptions
        {
            MaxAttempts = maxAttempts,
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
            PermitsPerSecond = permitsPerSecond,
            Burst = burst,
            Connections = connections,
        }));

    /// <summary>
    /// A minimal SMTP server: answers RCPT TO with the scripted replies in turn (then 250), accepts everything else;
    /// a silent one accepts connections and never says a word.
    /// </summary>
    private sealed class ScriptedSmtpServer : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly Queue<string> _recipientReplies;
        private readonly bool _silent;
        private readonly CancellationTokenSource _stop = new();
        private int _attempts;
        private int _connections;
        private int _delivered;
        private Task _accepting = Task.CompletedTask;

        private ScriptedSmtpServer(IEnumerable<string> recipientReplies, bool silent)
        {
            _recipientReplies = new Queue<string>(recipientReplies);
            _silent = silent;
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public int Attempts => Volatile.Read(ref _attempts);

        public int Delivered => Volatile.Read(ref _delivered);

        public int Connections => Volatile.Read(ref _connections);

        public static ScriptedSmtpServer Start(string[] recipientReplies, bool silent = false)
        {
            var server = new ScriptedSmtpServer(recipientReplies, silent);
            server._listener.Start();
            server._accepting = server.AcceptAsync();
            return server;
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            await _accepting.ContinueWith(_ => { }, TaskScheduler.Default);
        }

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = Task.Run(() => ServeAsync(client));
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            using var _ = client;
            Interlocked.Increment(ref _connections);
            await using var stream = client.GetStream();
            if (_silent)
            {
                try
                {
                    await Task.Delay(Timeout.Infinite, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                }

                return;
            }

            using var reader = new StreamReader(stream);
            await using var writer = new StreamWriter(stream) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 scripted ESMTP");
            var inData = false;
            while (await reader.ReadLineAsync() is { } line)
            {
                if (inData)
                {
                    if (line == ".")
                    {
                        inData = false;
                        Interlocked.Increment(ref _delivered);
                        await writer.WriteLineAsync("250 2.0.0 queued");
                    }

                    continue;
                }

                var command = line.Split(' ', ':')[0].ToUpperInvariant();
                switch (command)
                {
                    case "MAIL":
                        Interlocked.Increment(ref _attempts);
                        await writer.WriteLineAsync("250 2.1.0 ok");
                        break;
                    case "RCPT":
                        string reply;
                        lock (_recipientReplies)
                        {
                            reply = _recipientReplies.Count > 0 ? _recipientReplies.Dequeue() : "250 2.1.5 ok";
                        }

                        await writer.WriteLineAsync(reply);
                        break;
                    case "DATA":
                        inData = true;
                        await writer.WriteLineAsync("354 go ahead");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 bye");
                        return;
                    default:
                        await writer.WriteLineAsync("250 ok");
                        break;
                }
            }
        }
    }
}
