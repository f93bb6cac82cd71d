using Mono.Cecil;

namespace Modular.Tests.Architecture.Support;

/// <summary>
/// Resolves references from the test process's own assemblies (the runtime's trusted platform list, then the test output),
/// reading them into memory so no file stays open. One per loaded assembly: Cecil's lazy reading is not thread-safe.
/// </summary>
public sealed class RuntimeAssemblyResolver : IAssemblyResolver
{
    private static readonly Dictionary<string, string> TrustedPlatformAssemblies =
        ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .GroupBy(path => Path.GetFileNameWithoutExtension(path), StringComparer.OrdinalIgnoreCase)
        .ToDictionary(group => group.Key, group => group.First(), StringComparer.OrdinalIgnoreCase);

    private readonly Dictionary<string, AssemblyDefinition> _resolved = new(StringComparer.OrdinalIgnoreCase);

    public AssemblyDefinition Resolve(AssemblyNameReference name) => Resolve(name, new ReaderParameters());

    public AssemblyDefinition Resolve(AssemblyNameReference name, ReaderParameters parameters)
    {
        lock (_resolved)
        {
            if (!_resolved.TryGetValue(name.Name, out var assembly))
            {
                var path = Locate(name.Name) ?? throw new AssemblyResolutionException(name);
                assembly = AssemblyReader.Read(File.ReadAllBytes(path), this);
                _resolved.Add(name.Name, assembly);
            }

            return assembly;
        }
    }

    public void Dispose()
    {
        lock (_resolved)
        {
            foreach (var assembly in _resolved.Values)
            {
                assembly.Dispose();
            }

            _resolved.Clear();
        }
    }

    private static string? Locate(string name)
    {
        if (TrustedPlatformAssemblies.TryGetValue(name, out var trusted))
        {
            return trusted;
        }

        var local = Path.Combine(AppContext.BaseDirectory, name + ".dll");
        return File.Exists(local) ? local : null;
    }
}
