using System.Net.Sockets;
using Modular.BuildingBlocks.Infrastructure.Settings;

namespace Modular.Tests.Integration.Support;

/// <summary>Fails loudly, naming the service and how to start it, when PostgreSQL, RabbitMQ or SMTP is unreachable.</summary>
public static class RequiredServices
{
    public static void EnsureReachable(ServiceSettings settings)
    {
        var missing = new List<string>();
        Check("PostgreSQL", settings.Postgres.Host, settings.Postgres.Port, missing);
        Check("RabbitMQ", settings.RabbitMq.Host, settings.RabbitMq.Port, missing);
        Check("SMTP (maildev)", settings.Smtp.Host, settings.Smtp.Port, missing);
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"Integration tests need the local services; unreachable: {string.Join(", ", missing)}. Start them with `scripts/services up` (./test.sh does).");
        }
    }

    private static void Check(string name, string host, int port, List<string> missing)
    {
        try
        {
            using var client = new TcpClient();
            if (!client.ConnectAsync(host, port).Wait(TimeSpan.FromSeconds(3)))
            {
                missing.Add($"{name} at {host}:{port} (timeout)");
            }
        }
        catch (AggregateException exception) when (exception.InnerException is SocketException socket)
        {
            missing.Add($"{name} at {host}:{port} ({socket.SocketErrorCode})");
        }
    }
}
