using System.Reflection;
using Npgsql;

namespace Modular.BuildingBlocks.Infrastructure.Settings;

/// <summary>
/// Where PostgreSQL, RabbitMQ and SMTP are. Defaults come from the repository's services.env (embedded at build),
/// and an environment variable of the same name wins, exactly as the shell scripts read the same file. A host may
/// override a setting once more by a configuration key of the same name (<see cref="OverriddenBy"/>): the integration
/// tests point their hosts at containers that way, without changing the process's environment.
/// </summary>
public sealed class ServiceSettings
{
    private readonly IReadOnlyDictionary<string, string> _values;

    private ServiceSettings(IReadOnlyDictionary<string, string> values) => _values = values;

    public static ServiceSettings FromEnvironment() => new ServiceSettings(ReadEmbeddedDefaults()).OverriddenBy(Environment.GetEnvironmentVariable);

    /// <summary>These settings, with every key that <paramref name="lookup"/> answers (non-empty) replaced by its answer.</summary>
    public ServiceSettings OverriddenBy(Func<string, string?> lookup)
    {
        var values = new Dictionary<string, string>(_values, StringComparer.Ordinal);
        foreach (var key in _values.Keys)
        {
            if (lookup(key) is { Length: > 0 } value)
            {
                values[key] = value;
            }
        }

        return new ServiceSettings(values);
    }

    public string this[string key] =>
        _values.TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"Setting {key} is not defined in services.env.");

    public PostgresSettings Postgres => new(
        this["MODULAR_PG_HOST"], int.Parse(this["MODULAR_PG_PORT"]), this["MODULAR_PG_DATABASE"],
        this["MODULAR_PG_USER"], this["MODULAR_PG_PASSWORD"]);

    public RabbitMqSettings RabbitMq => new(
        this["MODULAR_RABBITMQ_HOST"], ushort.Parse(this["MODULAR_RABBITMQ_PORT"]), this["MODULAR_RABBITMQ_VHOST"],
        this["MODULAR_RABBITMQ_USER"], this["MODULAR_RABBITMQ_PASSWORD"]);

    public SmtpSettings Smtp => new(this["MODULAR_SMTP_HOST"], int.Parse(this["MODULAR_SMTP_PORT"]));

    private static Dictionary<string, string> ReadEmbeddedDefaults()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("services.env")
            ?? throw new InvalidOperationException("services.env is not embedded in BuildingBlocks.Infrastructure.");
        using var reader = new StreamReader(stream);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var trimmed = line.Trim();
            var separator = trimmed.IndexOf('=');
            if (trimmed.Length == 0 || trimmed.StartsWith('#') || separator <= 0)
            {
                continue;
            }

            values[trimmed[..separator]] = trimmed[(separator + 1)..];
        }

        return values;
    }
}

public sealed record PostgresSettings(string Host, int Port, string Database, string User, string Password)
{
    /// <summary>
    /// A connection string with an explicit pool size: the sum over all pools and instances must stay under max_connections.
    /// <paramref name="sessionOptions"/> sets server settings for every session (<c>-c name=value</c>).
    /// </summary>
    public string ConnectionString(int maxPoolSize, string applicationName, string? sessionOptions = null) => new NpgsqlConnectionStringBuilder
    {
        Host = Host,
        Port = Port,
        Database = Database,
        Username = User,
        Password = Password,
        MaxPoolSize = maxPoolSize,
        ApplicationName = applicationName,
        // Reset on close is not needed: the app never changes session state it does not restore itself.
        NoResetOnClose = true,
        // The same few statements run thousands of times a second: prepared once per connection, PostgreSQL skips
        // parsing and planning them on every call.
        MaxAutoPrepare = 64,
        AutoPrepareMinUsages = 3,
        Options = sessionOptions,
    }.ConnectionString;
}

public sealed record RabbitMqSettings(string Host, ushort Port, string VirtualHost, string User, string Password);

public sealed record SmtpSettings(string Host, int Port);
