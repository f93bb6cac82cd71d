using System.Diagnostics;
using Modular.Tests.Integration.Hardening;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Foundation;

/// <summary>
/// What a newcomer does after <c>./run.sh</c>: the Host in Development on a fresh database, its demo data (IAM's seeder,
/// then scripts/demo-data through the API), and the README's walkthrough block run verbatim.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class WalkthroughTests(TestPlatform platform)
{
    [Fact]
    public async Task The_readme_walkthrough_works_on_the_demo_data_and_the_demo_data_is_repeatable()
    {
        // A fresh database and a broker of its own, as a fresh ./run.sh has: no other host consumes its messages.
        var (_, settings) = await platform.IsolatedHostAsync();
        await HostProcess.RunAsync(settings, "Development", "--seed-demo");
        await using var host = await HostProcess.StartAsync(settings, environment: "Development");
        var url = host.Address.ToString().TrimEnd('/');

        await WithHostOutputAsync(host, RunAsync("python3", [Path.Combine(RepositoryRoot.Path, "scripts", "demo-data"), url]));
        var walkthrough = await WithHostOutputAsync(host, RunAsync("bash", ["-euo", "pipefail", "-c", ReadmeWalkthrough()], ("MODULAR_HTTP_URL", url)));

        walkthrough.ShouldMatch(@"order [0-9a-f-]{36} is Paid");
        await using var database = new TestDatabase(TestPlatform.ServicesOf(settings));
        var before = await DemoCountsAsync(database);
        before.ShouldBe((3, 5, 1), "3 products, the 4 demo orders and the walkthrough's, 1 project");
        (await database.ScalarAsync<string>(
                "SELECT string_agg(status, ',' ORDER BY status) FROM ordering.orders WHERE customer_id = (SELECT id FROM iam.users WHERE email = 'customer@modular.demo')"))
            .ShouldBe("Cancelled,Cancelled,Paid,Paid,Shipped");
        await RunAsync("python3", [Path.Combine(RepositoryRoot.Path, "scripts", "demo-data"), url]);
        (await DemoCountsAsync(database)).ShouldBe(before, "a second run adds nothing");
    }

    private static async Task<string> WithHostOutputAsync(HostProcess host, Task<string> step)
    {
        try
        {
            return await step;
        }
        catch (ShouldAssertException failed)
        {
            throw new ShouldAssertException($"{failed.Message}\n--- the Host's last output ---\n{host.OutputTail}", failed);
        }
    }

    private static async Task<(long Products, long Orders, long Projects)> DemoCountsAsync(TestDatabase database) => (
        await database.ScalarAsync<long>("SELECT count(*) FROM ordering.products"),
        await database.ScalarAsync<long>("SELECT count(*) FROM ordering.orders"),
        await database.ScalarAsync<long>("SELECT count(*) FROM funding.projects"));

    /// <summary>The bash block after the README's <c>&lt;!-- walkthrough --&gt;</c> marker, as a reader copies it.</summary>
    private static string ReadmeWalkthrough()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        var start = readme.IndexOf("```bash\n", readme.IndexOf("<!-- walkthrough -->", StringComparison.Ordinal), StringComparison.Ordinal) + "```bash\n".Length;
        return readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];
    }

    private static async Task<string> RunAsync(string program, string[] arguments, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryRoot.Path };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        process.ExitCode.ShouldBe(0, $"{program} {string.Join(' ', arguments.Take(1))}:\n{await output}\n{await errors}");
        return await output;
    }
}
