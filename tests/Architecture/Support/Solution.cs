namespace Modular.Tests.Architecture.Support;

/// <summary>The repository these tests were built from: found by walking up from the test output to Modular.sln.</summary>
public static class Solution
{
    public static string Root { get; } = FindRoot(AppContext.BaseDirectory);

    /// <summary>Every folder under src/Modules is a module, so a new module is covered without new test code.</summary>
    public static SolutionLayout Layout { get; } = new(Root, DiscoverModules(Path.Combine(Root, "src", "Modules")));

    public static IReadOnlyList<string> Modules => Layout.Modules;

    public static string HostProject => Path.Combine(Root, "src", "Host", "Host.csproj");

    private static List<string> DiscoverModules(string modulesDirectory) =>
        Directory.GetDirectories(modulesDirectory)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => !name.StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string FindRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Modular.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Modular.sln above {start}; the architecture tests must run from the repository's build output.");
    }
}
