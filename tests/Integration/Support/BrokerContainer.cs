using Testcontainers.RabbitMq;

namespace Modular.Tests.Integration.Support;

/// <summary>A RabbitMQ container the tests read queues of, and (for a broker of its own) stop, start, pause and resume.</summary>
public sealed class BrokerContainer(RabbitMqContainer container) : IAsyncDisposable
{
    public const string VirtualHost = "/";

    public ushort Port => container.GetMappedPublicPort(RabbitMqBuilder.RabbitMqPort);

    /// <summary>The services.env keys a host reads to reach this broker.</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["MODULAR_RABBITMQ_HOST"] = container.Hostname,
        ["MODULAR_RABBITMQ_PORT"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["MODULAR_RABBITMQ_VHOST"] = VirtualHost,
        ["MODULAR_RABBITMQ_USER"] = TestContainers.User,
        ["MODULAR_RABBITMQ_PASSWORD"] = TestContainers.Password,
    };

    public Task StartAsync() => TestContainers.StartAsync(container, "RabbitMQ");

    /// <summary>Broker down: the node shuts down and every connection is closed.</summary>
    public Task StopAsync() => container.StopAsync();

    /// <summary>Broker frozen: its processes stop running, while its connections stay open and unanswered.</summary>
    public Task PauseAsync() => container.PauseAsync();

    public Task UnpauseAsync() => container.UnpauseAsync();

    /// <summary>Messages in a queue, ready or unacknowledged (0 when the queue does not exist).</summary>
    public async Task<int> MessagesInAsync(string queue) => (await QueueDepthsAsync()).GetValueOrDefault(queue);

    /// <summary>Every queue of the broker with its ready and unacknowledged messages.</summary>
    public async Task<IReadOnlyDictionary<string, int>> QueueDepthsAsync()
    {
        var result = await container.ExecAsync(["rabbitmqctl", "list_queues", "-p", VirtualHost, "--quiet", "--no-table-headers", "name", "messages"]);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl list_queues failed ({result.ExitCode}): {result.Stderr}");
        }

        return result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t', StringSplitOptions.TrimEntries))
            .Where(columns => columns.Length == 2)
            .ToDictionary(columns => columns[0], columns => int.Parse(columns[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The AMQP connections the broker holds now.</summary>
    public async Task<int> ConnectionsAsync()
    {
        var result = await container.ExecAsync(["rabbitmqctl", "list_connections", "--quiet", "--no-table-headers", "name"]);
        return result.ExitCode == 0
            ? result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length
            : throw new InvalidOperationException($"rabbitmqctl list_connections failed ({result.ExitCode}): {result.Stderr}");
    }

    public ValueTask DisposeAsync() => container.DisposeAsync();
}
