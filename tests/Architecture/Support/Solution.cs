using Mono.Cecil;

namespace Modular.Tests.Architecture.Support;

/// <summary>The modules found under src/Modules and their built assemblies (the Host reference copies them next to the tests).</summary>
public static class Solution
{
    public static string Root { get; } = FindRoot();

    public static IReadOnlyList<string> Modules { get; } =
        Directory.GetDirectories(Path.Combine(Root, "src", "Modules")).Select(Path.GetFileName).OfType<string>().Order().ToList();

    public static IReadOnlySet<string> Schemas { get; } = Modules.Select(module => module.ToLowerInvariant()).ToHashSet();

    public static string ProjectFile(string module, bool contracts) =>
        Path.Combine(Root, "src", "Modules", module, contracts ? $"{module}.Contracts" : module, contracts ? $"{module}.Contracts.csproj" : $"{module}.csproj");

    private static readonly DefaultAssemblyResolver Resolver = CreateResolver();

    public static AssemblyDefinition Assembly(string name) =>
        AssemblyDefinition.ReadAssembly(Path.Combine(AppContext.BaseDirectory, name + ".dll"), new ReaderParameters { AssemblyResolver = Resolver });

    private static DefaultAssemblyResolver CreateResolver()
    {
        var resolver = new DefaultAssemblyResolver();
        resolver.AddSearchDirectory(AppContext.BaseDirectory);
        return resolver;
    }

    /// <summary>Read from the project's own output (same configuration as the tests), so modules nothing references yet are covered too.</summary>
    public static AssemblyDefinition ModuleAssembly(string module, bool contracts = false)
    {
        var project = Path.GetDirectoryName(ProjectFile(module, contracts))!;
        var name = contracts ? $"Modular.{module}.Contracts" : $"Modular.{module}";
        var path = Path.Combine(project, "bin", Configuration, "net10.0", name + ".dll");
        return AssemblyDefinition.ReadAssembly(path, new ReaderParameters { AssemblyResolver = Resolver });
    }

    // The tests run from tests/Architecture/bin/<Configuration>/net10.0/.
    private static string Configuration => new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Modular.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Modular.sln not found above the test output.");
    }
}
