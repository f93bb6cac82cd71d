using Mono.Cecil;
using Modular.Tests.Architecture.Support;

namespace Modular.Tests.Architecture.Rules;

/// <summary>
/// Rule 6: the Host composes modules through their entry points only. Every type reference in the Host that points into a
/// module assembly (not its Contracts) must be that module's &lt;Module&gt;Module. Attribute typeof(...) arguments are stored as
/// strings rather than type references, so they are read from the attributes as well.
/// </summary>
public static class HostReferencesRule
{
    public static IReadOnlyList<string> Check(AssemblyDefinition host, IReadOnlyCollection<string> modules)
    {
        var moduleByAssembly = modules.ToDictionary(ModuleConventions.AssemblyName, StringComparer.Ordinal);
        var references = host.MainModule.GetTypeReferences()
            .Concat(AttributeArguments(host))
            .Select(reference => reference.GetElementType());

        var violations = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var reference in references)
        {
            var assembly = CecilFacts.AssemblyOf(reference);
            if (moduleByAssembly.TryGetValue(assembly, out var module) && !ModuleConventions.IsEntryPointName(module, reference.Name))
            {
                violations.Add($"{host.Name.Name} uses {reference.FullName} from {assembly}: the Host may use only {module}Module");
            }
        }

        return [.. violations];
    }

    private static IEnumerable<TypeReference> AttributeArguments(AssemblyDefinition host) =>
        CustomAttributeProviders.In(host)
            .SelectMany(provider => TypeDependencies.OfAttributes(provider, "attributes"))
            .Select(dependency => dependency.Type);
}
