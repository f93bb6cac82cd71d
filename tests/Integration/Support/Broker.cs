using System.Diagnostics;

namespace Modular.Tests.Integration.Support;

/// <summary>Drives the real RabbitMQ node through scripts/services, e.g. to stop it for outage tests.</summary>
public static class Broker
{
    public static Task StopAsync() => RabbitMqCtlAsync("stop_app");

    public static Task StartAsync() => RabbitMqCtlAsync("start_app");

    /// <summary>Messages ready in a queue of the app's vhost (0 when the queue does not exist).</summary>
    public static async Task<int> MessagesInAsync(string queue)
    {
        var vhost = Environment.GetEnvironmentVariable("MODULAR_RABBITMQ_VHOST") ?? "modular";
        var output = await RabbitMqCtlAsync("list_queues", "-p", vhost, "--quiet", "--no-table-headers", "name", "messages");
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var columns = line.Split('\t', StringSplitOptions.TrimEntries);
            if (columns.Length == 2 && columns[0] == queue)
            {
                return int.Parse(columns[1]);
            }
        }

        return 0;
    }

    private static async Task<string> RabbitMqCtlAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(RepositoryRoot(), "scripts", "services"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("rabbitmqctl");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', arguments)} failed ({process.ExitCode}): {error}");
        }

        return output;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Modular.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Modular.sln not found above the test output.");
    }
}
