using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace Modular.Bench.Settlement;

/// <summary>The built Host as its own process (so its memory is its own, read from /proc), logged in as the bootstrap admin.</summary>
internal sealed class HostUnderTest : IAsyncDisposable
{
    private const string AdminEmail = "bench.admin@settlement-bench.example";
    private const string AdminPassword = "settlement-bench-admin-password";

    private readonly Process _process;

    private HostUnderTest(Process process, HttpClient client)
    {
        _process = process;
        Client = client;
    }

    public HttpClient Client { get; }

    public int ProcessId => _process.Id;

    public static async Task<HostUnderTest> StartAsync(string repositoryRoot)
    {
        var output = Path.Combine(repositoryRoot, "src", "Host", "bin", "Release", "net10.0");
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = output, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(output, "Modular.Host.dll"));
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Jwt__SigningKey"] = "settlement-bench-signing-key-of-at-least-32-bytes";
        start.Environment["Iam__BootstrapAdmin__Email"] = AdminEmail;
        start.Environment["Iam__BootstrapAdmin__Password"] = AdminPassword;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Settlement__Exports__Directory"] = Path.Combine(Path.GetTempPath(), "modular-bench-settlement-exports");
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, line) => Echo(line.Data);
        process.ErrorDataReceived += (_, line) => Echo(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(10) };
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The Host exited with {process.ExitCode}");
            }

            try
            {
                if ((await client.GetAsync("/health/live")).IsSuccessStatusCode)
                {
                    break;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }

            await Task.Delay(500);
        }

        var token = await client.PostAsJsonAsync("/api/iam/token", new { email = AdminEmail, password = AdminPassword });
        token.EnsureSuccessStatusCode();
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return new HostUnderTest(process, client);
    }

    /// <summary>The process's resident set now (VmRSS, bytes).</summary>
    public long ResidentBytes() => ProcStatus(_process.Id, "VmRSS:");

    public static long ProcStatus(int pid, string field)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                return long.Parse(line[field.Length..].Trim().Split(' ')[0]) * 1024;
            }
        }

        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static void Echo(string? line)
    {
        if (line is not null && (line.Contains("fail", StringComparison.OrdinalIgnoreCase) || line.Contains("crit", StringComparison.OrdinalIgnoreCase)))
        {
            Console.Error.WriteLine($"[host] {line}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
