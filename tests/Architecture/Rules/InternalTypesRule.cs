using Mono.Cecil;
using Modular.Tests.Architecture.Support;

namespace Modular.Tests.Architecture.Rules;

/// <summary>
/// Rule 3: nothing in a module assembly is visible outside it except the module's entry point (public, named &lt;Module&gt;Module,
/// implementing IModule). A framework that forces a type public gets its own line in <see cref="Exemptions"/>.
/// </summary>
public static class InternalTypesRule
{
    /// <summary>The public types a module may have, each for its reason. Keep this list short.</summary>
    private static readonly Func<TypeDefinition, string, bool>[] Exemptions =
    [
        // The entry point: the one type the Host composes.
        IsEntryPointCandidate,

        // Closures, state machines, <PrivateImplementationDetails>: the compiler chooses their visibility.
        (type, _) => CecilFacts.IsCompilerEmitted(type),
    ];

    public static IReadOnlyList<string> Check(AssemblyDefinition moduleAssembly, string module)
    {
        var types = moduleAssembly.MainModule.GetTypes().ToList();
        var violations = types
            .Where(type => CecilFacts.IsVisible(type) && !Exemptions.Any(isExempt => isExempt(type, module)))
            .Select(type => $"{type.FullName} is public: make it internal (a module's only public type is its entry point)")
            .ToList();

        var entryPoints = types.Where(type => IsEntryPointCandidate(type, module)).ToList();
        if (entryPoints.Count != 1)
        {
            violations.Add($"{moduleAssembly.Name.Name} must have exactly one public entry point named {module}Module (in any casing), found {entryPoints.Count}");
        }

        violations.AddRange(entryPoints
            .Where(entryPoint => !CecilFacts.Implements(entryPoint, ModuleConventions.ModuleInterface))
            .Select(entryPoint => $"{entryPoint.FullName} does not implement {ModuleConventions.ModuleInterface}"));
        return violations;
    }

    private static bool IsEntryPointCandidate(TypeDefinition type, string module) =>
        type.IsPublic && ModuleConventions.IsEntryPointName(module, type.Name);
}
