using Mono.Cecil;

namespace Modular.Tests.Architecture.Rules;

/// <summary>Rule 3: a module's types are internal, except its single IModule entry point.</summary>
public static class InternalTypesRule
{
    public const string ModuleInterface = "Modular.BuildingBlocks.Web.Modules.IModule";

    public static IReadOnlyList<string> Check(AssemblyDefinition assembly)
    {
        var publicTypes = assembly.MainModule.Types
            .Where(type => type.IsPublic && !type.Name.StartsWith('<'))
            .ToList();
        var entryPoints = publicTypes.Where(IsEntryPoint).ToList();
        var violations = publicTypes.Where(type => !IsEntryPoint(type)).Select(type => $"{type.FullName} is public; module types are internal").ToList();
        if (entryPoints.Count != 1)
        {
            violations.Add($"{assembly.Name.Name} must have exactly one public IModule entry point (found {entryPoints.Count})");
        }

        return violations;
    }

    public static bool IsEntryPoint(TypeDefinition type) =>
        type.Name.EndsWith("Module", StringComparison.Ordinal) && type.Interfaces.Any(implementation => implementation.InterfaceType.FullName == ModuleInterface);
}
