using System.Globalization;
using System.Net;

namespace Modular.Tests.Integration.Support;

/// <summary>
/// maildev as a local process of the test run, on free ports of its own (never the platform's 1025/1080). Not a
/// container: it needs no image (Node.js is on the machine, and test.sh installs maildev with npm as scripts/services
/// does), starts in about a second, and no test ever takes the SMTP sink down.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly int _smtpPort;
    private readonly int _webPort = FreePorts.Next();
    private LocalTool? _process;

    public SmtpSink()
        : this(FreePorts.Next())
    {
    }

    /// <summary>A sink on a port of the test's choice: a host pointed at it while it is closed sees SMTP down until the sink starts.</summary>
    public SmtpSink(int smtpPort) => _smtpPort = smtpPort;

    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["MODULAR_SMTP_HOST"] = IPAddress.Loopback.ToString(),
        ["MODULAR_SMTP_PORT"] = _smtpPort.ToString(CultureInfo.InvariantCulture),
        ["MODULAR_MAILDEV_WEB_PORT"] = _webPort.ToString(CultureInfo.InvariantCulture),
    };

    public Uri WebAddress => new($"http://{IPAddress.Loopback}:{_webPort}");

    public async Task StartAsync() => _process = await LocalTool.StartAsync(
        "maildev",
        _ => ["--smtp", $"{_smtpPort}", "--ip", $"{IPAddress.Loopback}", "--web", $"{_webPort}", "--web-ip", $"{IPAddress.Loopback}"],
        WebAddress,
        async http => (await http.GetAsync("/api/healthz")).IsSuccessStatusCode);

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }
}
