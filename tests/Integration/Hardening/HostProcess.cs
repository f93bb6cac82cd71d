using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Hardening;

/// <summary>
/// The built Host as its own process on a loopback port, with the deployed runtime settings (services.env's: no runtime
/// tuning) and real Kestrel in front: what an in-process test server cannot show (a blocked socket thread, Kestrel's own
/// answers, a kill -9).
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    public const string AdminEmail = "bootstrap.admin@host-process.example";
    public const string AdminPassword = "bootstrap-admin-password";

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HostProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The last lines the process wrote, for failure messages.</summary>
    public string OutputTail
    {
        get
        {
            lock (_output)
            {
                var text = _output.ToString();
                return text.Length <= 4000 ? text : text[^4000..];
            }
        }
    }

    /// <summary>The lines the process wrote lately (the last 16,000 to 64,000 characters).</summary>
    public IReadOnlyList<string> RecentLines()
    {
        lock (_output)
        {
            return _output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
    }

    public HttpClient CreateClient() => new() { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(100) };

    /// <summary>A client carrying the access token the Host issued to that user at login.</summary>
    public async Task<HttpClient> LoggedInAsync(string email, string password)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/iam/token", new { email, password });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public Task<HttpClient> AdminAsync() => LoggedInAsync(AdminEmail, AdminPassword);

    /// <summary>Starts the Host on the given services' settings (the test run's containers, never the local ones).</summary>
    public static async Task<HostProcess> StartAsync(IReadOnlyDictionary<string, string> settings, int? port = null, string environment = "Testing")
    {
        var address = new Uri($"http://127.0.0.1:{port ?? FreePort()}");
        var process = Process.Start(StartInfo(settings, environment, address)) ?? throw new InvalidOperationException("dotnet did not start.");
        var started = new HostProcess(process, address);
        process.OutputDataReceived += (_, line) => started.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => started.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await started.WaitUntilLiveAsync();
        return started;
    }

    /// <summary>Runs one of the Host's one-shot commands (<c>--seed-demo</c>, <c>--migrate-only</c>) to its end; fails unless it exits with 0.</summary>
    public static async Task RunAsync(IReadOnlyDictionary<string, string> settings, string environment, params string[] arguments)
    {
        var start = StartInfo(settings, environment, address: null);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, $"Host {string.Join(' ', arguments)}:\n{await output}\n{await errors}");
    }

    private static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string> settings, string environment, Uri? address)
    {
        var host = Path.Combine(HostBuildOutput(), "Modular.Host.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = HostBuildOutput(),
        };
        start.ArgumentList.Add(host);
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(HostBuildOutput());
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        if (address is not null)
        {
            start.Environment["ASPNETCORE_URLS"] = address.ToString();
        }

        start.Environment["Jwt__SigningKey"] = ModularHostFactory.TestSigningKey;
        start.Environment["Iam__BootstrapAdmin__Email"] = AdminEmail;
        start.Environment["Iam__BootstrapAdmin__Password"] = AdminPassword;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__")] = value;
        }

        return start;
    }

    /// <summary>SIGKILL: no shutdown code runs, in-flight work is lost as in a crash.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as an orchestrator stops a container: the Host shuts down gracefully; waits until it exited.</summary>
    public async Task<int> TerminateAsync(TimeSpan patience)
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(patience);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private async Task WaitUntilLiveAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var lastAnswer = "";
        try
        {
            await WaitUntilReadyAsync(client, answer => lastAnswer = answer);
        }
        catch (TimeoutException timeout)
        {
            throw new TimeoutException($"{timeout.Message}\nlast /health/ready: {lastAnswer}\n{OutputTail}", timeout);
        }
    }

    private async Task WaitUntilReadyAsync(HttpClient client, Action<string> answered)
    {
        await Eventually.HoldsAsync(async () =>
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The Host exited ({_process.ExitCode}):\n{OutputTail}");
            }

            try
            {
                var response = await client.GetAsync("/health/ready");
                answered($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                return response.StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return false;
            }
            catch (TaskCanceledException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(90), $"the Host process answers at {Address}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
            if (_output.Length > 64_000)
            {
                _output.Remove(0, _output.Length - 16_000);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>src/Host's build output of the same configuration as this test assembly (the test build builds it).</summary>
    private static string HostBuildOutput()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = directory.Parent!.Name;
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Modular.sln")))
        {
            directory = directory.Parent;
        }

        var output = Path.Combine(directory?.FullName ?? throw new InvalidOperationException("Modular.sln not found."),
            "src", "Host", "bin", configuration, "net10.0");
        return File.Exists(Path.Combine(output, "Modular.Host.dll"))
            ? output
            : throw new InvalidOperationException($"The Host is not built at {output}.");
    }
}
