using System.Diagnostics;
using System.Net;

namespace Modular.Tests.Integration.Support;

/// <summary>
/// maildev as a local process of the test run, on free ports of its own (never the platform's 1025/1080). Not a
/// container: it needs no image (Node.js is on the machine, and test.sh installs maildev with npm as scripts/services
/// does), starts in about a second, and no test ever takes the SMTP sink down.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private static readonly string Executable = Path.Combine(RepositoryRoot.Path, ".local", "tools", "node_modules", ".bin", "maildev");
    private readonly int _smtpPort;
    private readonly int _webPort = FreePorts.Next();
    private DirectoryInfo? _temp;
    private Process? _process;

    public SmtpSink()
        : this(FreePorts.Next())
    {
    }

    /// <summary>A sink on a port of the test's choice: a host pointed at it while it is closed sees SMTP down until the sink starts.</summary>
    public SmtpSink(int smtpPort) => _smtpPort = smtpPort;

    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["MODULAR_SMTP_HOST"] = IPAddress.Loopback.ToString(),
        ["MODULAR_SMTP_PORT"] = _smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["MODULAR_MAILDEV_WEB_PORT"] = _webPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public Uri WebAddress => new($"http://{IPAddress.Loopback}:{_webPort}");

    public async Task StartAsync()
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"maildev is not installed at {Executable}: run ./test.sh (or scripts/services install-maildev).");
        }

        // maildev keeps each message's .eml under $TMPDIR/maildev: a directory of this run, removed at the end.
        var temp = _temp = Directory.CreateTempSubdirectory("modular-tests-maildev-");
        var start = new ProcessStartInfo(Executable)
        {
            ArgumentList = { "--smtp", $"{_smtpPort}", "--ip", $"{IPAddress.Loopback}", "--web", $"{_webPort}", "--web-ip", $"{IPAddress.Loopback}" },
            Environment = { ["TMPDIR"] = temp.FullName },
            WorkingDirectory = temp.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("maildev did not start.");
        var output = new System.Text.StringBuilder();
        _process.OutputDataReceived += (_, line) => output.AppendLine(line.Data);
        _process.ErrorDataReceived += (_, line) => output.AppendLine(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = WebAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await AnswersAsync(http))
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"maildev did not answer on {WebAddress} within 30 s:\n{output}");
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _temp?.Delete(recursive: true);
    }

    private static async Task<bool> AnswersAsync(HttpClient http)
    {
        try
        {
            return (await http.GetAsync("/api/healthz")).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }
}
