using System.Diagnostics;
using System.Text;

namespace Modular.Tests.Integration.Support;

/// <summary>
/// An npm tool of .local/tools (installed by test.sh through scripts/services) run as a process of the test run in a
/// temporary directory of its own, and given 30 s to answer over HTTP. Killed and its directory removed on dispose.
/// </summary>
public sealed class LocalTool : IAsyncDisposable
{
    private readonly Process _process;
    private readonly DirectoryInfo _directory;
    private readonly StringBuilder _output = new();

    private LocalTool(Process process, DirectoryInfo directory)
    {
        _process = process;
        _directory = directory;
    }

    /// <summary>The temporary directory it runs in (and may keep its data in).</summary>
    public string Directory => _directory.FullName;

    /// <param name="arguments">Its arguments, given the temporary directory.</param>
    /// <param name="answers">Whether it answers yet at <paramref name="address"/>'s client.</param>
    public static async Task<LocalTool> StartAsync(
        string name, Func<string, IEnumerable<string>> arguments, Uri address, Func<HttpClient, Task<bool>> answers)
    {
        var executable = Path.Combine(RepositoryRoot.Path, ".local", "tools", "node_modules", ".bin", name);
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"{name} is not installed at {executable}: run ./test.sh (or scripts/services install-{name}).");
        }

        var directory = System.IO.Directory.CreateTempSubdirectory($"modular-tests-{name}-");
        var start = new ProcessStartInfo(executable)
        {
            // maildev keeps each message's .eml under $TMPDIR: this run's directory too.
            Environment = { ["TMPDIR"] = directory.FullName },
            WorkingDirectory = directory.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments(directory.FullName))
        {
            start.ArgumentList.Add(argument);
        }

        var tool = new LocalTool(Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start."), directory);
        tool._process.OutputDataReceived += (_, line) => tool.Keep(line.Data);
        tool._process.ErrorDataReceived += (_, line) => tool.Keep(line.Data);
        tool._process.BeginOutputReadLine();
        tool._process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        await Eventually.HoldsAsync(async () =>
        {
            if (tool._process.HasExited)
            {
                throw new InvalidOperationException($"{name} exited ({tool._process.ExitCode}):\n{tool.Output}");
            }

            try
            {
                return await answers(http);
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(30), $"{name} answers at {address}");
        return tool;
    }

    private string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _directory.Delete(recursive: true);
    }

    private void Keep(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
