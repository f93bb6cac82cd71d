using Mono.Cecil;

namespace Modular.Tests.Architecture.Support;

/// <summary>
/// The assemblies this build produced, from the project's own output or the copy next to the tests, whichever is newer: a module
/// the Host does not reference is still found, and one it stopped referencing is not judged by a stale copy. Every call reads
/// afresh, because tests run in parallel and Cecil's lazy reading is not thread-safe.
/// </summary>
public static class BuiltAssemblies
{
    // The tests run from <project>/bin/<Configuration>/<TargetFramework>/; the projects under test were built alike.
    private static readonly DirectoryInfo TestOutput = new(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));

    public static AssemblyDefinition Module(string module) =>
        Load(Solution.Layout.ModuleProject(module), ModuleConventions.AssemblyName(module));

    public static AssemblyDefinition Contracts(string module) =>
        Load(Solution.Layout.ContractsProject(module), ModuleConventions.ContractsAssemblyName(module));

    public static AssemblyDefinition Host() => Load(Solution.HostProject, "Modular.Host");

    private static AssemblyDefinition Load(string projectFile, string assemblyName)
    {
        var fileName = assemblyName + ".dll";
        var projectOutput = Path.Combine(Path.GetDirectoryName(projectFile)!, "bin", TestOutput.Parent?.Name ?? "", TestOutput.Name, fileName);
        var newest = new[] { projectOutput, Path.Combine(TestOutput.FullName, fileName) }
            .Where(File.Exists)
            .MaxBy(File.GetLastWriteTimeUtc)
            ?? throw new FileNotFoundException(
                $"{fileName} was not built (looked in {projectOutput} and the test output). Build with `dotnet build tests/Architecture`; Architecture.csproj references every module project.");
        return AssemblyReader.Read(File.ReadAllBytes(newest));
    }
}
