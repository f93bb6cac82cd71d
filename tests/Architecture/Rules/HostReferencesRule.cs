using Mono.Cecil;
using Modular.Tests.Architecture.Support;

namespace Modular.Tests.Architecture.Rules;

/// <summary>Rule 6: the Host touches a module only through its entry point.</summary>
public static class HostReferencesRule
{
    public static IReadOnlyList<string> Check(AssemblyDefinition host, IEnumerable<string> modules)
    {
        var moduleAssemblies = modules.Select(module => $"Modular.{module}").ToHashSet();
        return host.MainModule.GetTypeReferences()
            .Where(reference => moduleAssemblies.Contains(TypeReferences.AssemblyOf(reference)))
            .Where(reference => !reference.Name.EndsWith("Module", StringComparison.Ordinal) || IsNotEntryPoint(reference))
            .Select(reference => $"{host.Name.Name} uses {reference.FullName} from {TypeReferences.AssemblyOf(reference)}")
            .Distinct()
            .ToList();
    }

    private static bool IsNotEntryPoint(TypeReference reference)
    {
        var definition = reference.Resolve();
        return definition is null || !InternalTypesRule.IsEntryPoint(definition);
    }
}
