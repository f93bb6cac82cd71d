using System.Collections.Concurrent;
using System.Diagnostics;
using Modular.BuildingBlocks.Infrastructure.Settings;
using Modular.Tests.Integration.Support;
using Modular.Tests.Probe;
using Npgsql;
using Shouldly;

namespace Modular.Tests.Integration.Messaging;

/// <summary>How a dispatcher learns of new outbox rows: in-process for its own commits, by NOTIFY for another instance's.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class OutboxWakeUpTests(TestPlatform platform)
{
    private const string Channel = "modular_outbox";

    // Long enough that only a wake-up, never the poll, can explain a prompt delivery.
    private static readonly Dictionary<string, string?> NoPolling = new() { ["Messaging:PollInterval"] = "00:01:00" };

    [Fact]
    public async Task A_commit_on_an_instance_that_does_not_dispatch_wakes_the_others_by_notify()
    {
        var effects = ProbeEffects.Open(platform);
        await using var dispatcher = await ProbeHost.StartAsync(platform.Settings, NoPolling);
        await using var apiOnly = await ProbeHost.StartAsync(platform.Settings, new Dictionary<string, string?> { ["Messaging:DispatchOutbox"] = "false" });
        await using var notifications = await NotificationRecorder.StartAsync(platform.Services);

        var pingId = Guid.CreateVersion7();
        var committed = Stopwatch.StartNew();
        await apiOnly.SendAsync(new RecordPing(pingId, "from the API-only instance"));

        await Eventually.HoldsAsync(async () => await effects.ForAsync(pingId) == 1, TimeSpan.FromSeconds(15), "the dispatching instance delivered it");
        committed.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10), "a NOTIFY woke it, not the one-minute poll");
        notifications.Received.ShouldContain("probe");
    }

    [Fact]
    public async Task A_commit_on_a_dispatching_instance_is_delivered_without_a_notify()
    {
        var effects = ProbeEffects.Open(platform);
        await using var dispatcher = await ProbeHost.StartAsync(platform.Settings, NoPolling);
        await using var notifications = await NotificationRecorder.StartAsync(platform.Services);

        var pingId = Guid.CreateVersion7();
        await dispatcher.SendAsync(new RecordPing(pingId, "woken in-process"));

        await Eventually.HoldsAsync(async () => await effects.ForAsync(pingId) == 1, TimeSpan.FromSeconds(15), "its own dispatcher delivered it");
        notifications.Received.ShouldNotContain("probe", "the writer's own dispatcher needs no NOTIFY");
    }

    /// <summary>LISTENs on the outbox channel as another instance would, and keeps every payload.</summary>
    private sealed class NotificationRecorder : IAsyncDisposable
    {
        private readonly NpgsqlConnection _connection;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _listening;

        private NotificationRecorder(NpgsqlConnection connection)
        {
            _connection = connection;
            _connection.Notification += (_, notification) => Received.Add(notification.Payload);
            _listening = Task.Run(async () =>
            {
                try
                {
                    while (true)
                    {
                        await _connection.WaitAsync(_stop.Token);
                    }
                }
                catch (OperationCanceledException)
                {
                    // Stopped.
                }
            });
        }

        public ConcurrentBag<string> Received { get; } = [];

        public static async Task<NotificationRecorder> StartAsync(ServiceSettings services)
        {
            var connection = new NpgsqlConnection(services.Postgres.ConnectionString(1, "modular-tests-listener"));
            await connection.OpenAsync();
            await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
            {
                await listen.ExecuteNonQueryAsync();
            }

            return new NotificationRecorder(connection);
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _listening;
            await _connection.DisposeAsync();
        }
    }
}
