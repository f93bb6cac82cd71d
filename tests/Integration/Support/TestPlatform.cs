using Modular.BuildingBlocks.Infrastructure.Settings;
using Modular.Tests.Integration.Iam;

namespace Modular.Tests.Integration.Support;

/// <summary>
/// What one test run shares, apart from anything ./run.sh uses: a RabbitMQ and a PostgreSQL container and an SMTP sink,
/// started once and together, and the hosts on them (created on first use). Hosts of a test's own get another broker.
/// </summary>
public sealed class TestPlatform : IAsyncLifetime
{
    private readonly BrokerContainer _broker = new(TestContainers.RabbitMq());
    private readonly DatabaseContainer _database = new(TestContainers.Postgres());
    private readonly SmtpSink _smtp = new();
    private readonly Lazy<ModularHostFactory> _host;
    private readonly Lazy<IamHost> _iam;
    private readonly Lazy<Task<BrokerContainer>> _isolatedBroker = new(StartIsolatedBrokerAsync);

    public TestPlatform()
    {
        _host = new(() => new ModularHostFactory(Settings));
        _iam = new(() => new IamHost(Settings));
    }

    /// <summary>The services.env keys that point a host at this run's containers and SMTP sink.</summary>
    public IReadOnlyDictionary<string, string> Settings =>
        _database.Settings.Concat(_broker.Settings).Concat(_smtp.Settings).ToDictionary();

    /// <summary>The same, as the Host reads them: for the tests' own connections.</summary>
    public ServiceSettings Services => ServicesOf(Settings);

    public BrokerContainer Broker => _broker;

    public DatabaseContainer Database => _database;

    public Maildev Mail => new(_smtp.WebAddress);

    /// <summary>The Host every module's tests share.</summary>
    public ModularHostFactory Host => _host.Value;

    /// <summary>The Host with IAM's bootstrap admin.</summary>
    public IamHost Iam => _iam.Value;

    /// <summary>
    /// Settings for a host of a test's own: a fresh database and a broker that the shared Host never connects to (one
    /// container for all such hosts; tests that stop or freeze it restore it). On the shared broker the shared Host's
    /// consumers would take the own host's messages to the shared database, and an outage would hold back theirs.
    /// </summary>
    public async Task<(BrokerContainer Broker, IReadOnlyDictionary<string, string> Settings)> IsolatedHostAsync()
    {
        var broker = await _isolatedBroker.Value;
        var database = await _database.CreateDatabaseAsync();
        var settings = Settings.Concat(database).Concat(broker.Settings)
            .GroupBy(setting => setting.Key).ToDictionary(group => group.Key, group => group.Last().Value);
        return (broker, settings);
    }

    /// <summary>The services.env keys <paramref name="settings"/> as the Host would read them.</summary>
    public static ServiceSettings ServicesOf(IReadOnlyDictionary<string, string> settings) =>
        ServiceSettings.FromEnvironment().OverriddenBy(key => settings.GetValueOrDefault(key));

    public Task InitializeAsync() => Task.WhenAll(_broker.StartAsync(), _database.StartAsync(), _smtp.StartAsync());

    public async Task DisposeAsync()
    {
        await Task.WhenAll(
            _iam.IsValueCreated ? _iam.Value.DisposeAsync().AsTask() : Task.CompletedTask,
            _host.IsValueCreated ? _host.Value.DisposeAsync().AsTask() : Task.CompletedTask);

        if (_isolatedBroker.IsValueCreated)
        {
            await (await _isolatedBroker.Value).DisposeAsync();
        }

        await Task.WhenAll(_broker.DisposeAsync().AsTask(), _database.DisposeAsync().AsTask(), _smtp.DisposeAsync().AsTask());
    }

    private static async Task<BrokerContainer> StartIsolatedBrokerAsync()
    {
        var broker = new BrokerContainer(TestContainers.RabbitMq(hostPort: FreePorts.Next()));
        await broker.StartAsync();
        return broker;
    }
}

/// <summary>Every integration test runs in this one collection: one set of containers per run, one test at a time.</summary>
[CollectionDefinition(Name)]
public sealed class IntegrationCollection : ICollectionFixture<TestPlatform>
{
    public const string Name = "integration";
}
