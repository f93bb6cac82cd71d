using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using DotNet.Testcontainers.Images;
using Modular.BuildingBlocks.Infrastructure.Settings;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace Modular.Tests.Integration.Support;

/// <summary>The tests' RabbitMQ and PostgreSQL containers, configured as the local services of scripts/services are.</summary>
public static class TestContainers
{
    public const string User = "modular";
    public const string Password = "modular";
    public const string Database = "modular";

    /// <summary>Ryuk is off, so containers a killed run left behind are found by this label (scripts/docker-engine clean).</summary>
    private const string CheckoutLabel = "modular.tests.checkout";

    /// <summary>An image that boots in seconds is stuck after two minutes; the default wait is an hour.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    /// <param name="hostPort">A fixed host port keeps the broker's address across Stop/Start (a random one changes).</param>
    public static RabbitMqContainer RabbitMq(int? hostPort = null)
    {
        var builder = OfThisCheckout(new RabbitMqBuilder(TestImages.RabbitMq))
            .WithUsername(User)
            .WithPassword(Password)
            // As scripts/services: at the 512 MB default the quorum queues' write-ahead log rollover stalls delivery for seconds.
            .WithEnvironment("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", "-ra wal_max_size_bytes 67108864");
        return (hostPort is { } port ? builder.WithPortBinding(port, RabbitMqBuilder.RabbitMqPort) : builder).Build();
    }

    public static PostgreSqlContainer Postgres() =>
        OfThisCheckout(new PostgreSqlBuilder(TestImages.Postgres))
            .WithDatabase(Database)
            .WithUsername(User)
            .WithPassword(Password)
            // As scripts/services: disposable data, so crash safety is traded for speed; max_connections as deployed.
            .WithCommand("-c", $"max_connections={ServiceSettings.FromEnvironment()["MODULAR_PG_MAX_CONNECTIONS"]}", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                "-c", "shared_buffers=256MB", "-c", "timezone=UTC")
            // Parallel queries take dynamic shared memory from /dev/shm, which Docker limits to 64 MB by default.
            .WithCreateParameterModifier(parameters => parameters.HostConfig!.ShmSize = 256L * 1024 * 1024)
            .Build();

    /// <summary>Starts the container within two minutes (or <paramref name="timeout"/>), or fails with what the container logged.</summary>
    public static async Task StartAsync(IContainer container, string name, TimeSpan? timeout = null)
    {
        var limit = timeout ?? StartTimeout;
        using var expiry = new CancellationTokenSource(limit);
        try
        {
            await container.StartAsync(expiry.Token);
        }
        catch (Exception exception)
        {
            var (stdout, stderr) = await container.GetLogsAsync();
            throw new InvalidOperationException(
                $"The {name} container ({container.Image.FullName}) did not start within {limit.TotalSeconds:0} s: {exception.Message}\n" +
                $"--- its stdout ---\n{stdout}\n--- its stderr ---\n{stderr}", exception);
        }
    }

    /// <summary>Labelled for `scripts/docker-engine clean`, and never pulled when the images are local ones.</summary>
    public static TBuilder OfThisCheckout<TBuilder, TContainer, TConfiguration>(ContainerBuilder<TBuilder, TContainer, TConfiguration> builder)
        where TBuilder : ContainerBuilder<TBuilder, TContainer, TConfiguration>
        where TContainer : IContainer
        where TConfiguration : DotNet.Testcontainers.Configurations.IContainerConfiguration
    {
        TestImages.EnsureEngineSettings();
        return builder
            .WithLabel(CheckoutLabel, RepositoryRoot.Path)
            .WithImagePullPolicy(TestImages.MayPull ? PullPolicy.Missing : PullPolicy.Never);
    }
}
