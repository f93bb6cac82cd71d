using Mono.Cecil;

namespace Modular.Tests.Architecture.Rules;

/// <summary>Rule 2: Contracts hold public sealed immutable records only and depend on the BCL, MediatR and BuildingBlocks.Application alone.</summary>
public static class ContractsRule
{
    private static readonly string[] AllowedAssemblies = ["MediatR", "Modular.BuildingBlocks.Application", "netstandard", "mscorlib"];

    public static IReadOnlyList<string> Check(AssemblyDefinition assembly)
    {
        var violations = new List<string>();
        foreach (var type in assembly.MainModule.Types.Where(type => type.Name != "<Module>" && !IsCompilerGenerated(type)))
        {
            if (!type.IsPublic || !type.IsSealed)
            {
                violations.Add($"{type.FullName} must be public and sealed");
            }

            if (type.IsClass && !type.IsValueType && !type.Methods.Any(method => method.Name == "<Clone>$"))
            {
                violations.Add($"{type.FullName} must be a record");
            }

            violations.AddRange(type.Properties
                .Where(property => property.SetMethod is { IsPublic: true } setter && !IsInitOnly(setter))
                .Select(property => $"{type.FullName}.{property.Name} has a public setter; contracts are immutable"));
        }

        violations.AddRange(assembly.MainModule.AssemblyReferences
            .Where(reference => !reference.Name.StartsWith("System", StringComparison.Ordinal) && !AllowedAssemblies.Contains(reference.Name))
            .Select(reference => $"{assembly.Name.Name} references {reference.Name}"));
        return violations;
    }

    private static bool IsInitOnly(MethodDefinition setter) =>
        setter.ReturnType is RequiredModifierType modifier && modifier.ModifierType.FullName == "System.Runtime.CompilerServices.IsExternalInit";

    private static bool IsCompilerGenerated(TypeDefinition type) =>
        type.Name.StartsWith('<') || type.CustomAttributes.Any(attribute => attribute.AttributeType.Name == "CompilerGeneratedAttribute");
}
