using Mono.Cecil;
using Modular.Tests.Architecture.Support;

namespace Modular.Tests.Architecture.Rules;

/// <summary>
/// Rule 1: a module project references only BuildingBlocks and modules' Contracts; a Contracts project only
/// BuildingBlocks.Application (and the MediatR package). Checked on the csproj and on the built assembly's references, and every
/// direct ProjectReference must be used: the compiler drops unused references from metadata, so one missing there is dead weight
/// that still leaks its dependencies into the module.
/// </summary>
public static class ModuleReferencesRule
{
    private const string ContractsBuildingBlock = "BuildingBlocks.Application";

    private static readonly string[] ContractsPackages = ["MediatR", "MediatR.Contracts"];

    public static IReadOnlyList<string> Check(ProjectFile project, AssemblyDefinition built, SolutionLayout layout)
    {
        var owner = layout.ClassifyProject(project.Path);
        if (owner.Kind is not (ProjectKind.Module or ProjectKind.Contracts))
        {
            throw new ArgumentException($"{project.Path} is neither a module nor a Contracts project.", nameof(project));
        }

        var assemblyName = built.Name.Name;
        var referencedAssemblies = built.MainModule.AssemblyReferences.Select(reference => reference.Name).ToHashSet(StringComparer.Ordinal);
        var violations = new List<string>();

        foreach (var reference in project.ProjectReferences)
        {
            if (Disallowed(owner, layout.ClassifyProject(reference.FullPath)) is { } reason)
            {
                violations.Add($"{owner.Name}.csproj references {reference.Include}: {reason}");
            }

            if (reference.ReferencesOutputAssembly && !referencedAssemblies.Contains(reference.AssemblyName))
            {
                violations.Add($"{owner.Name}.csproj references {reference.ProjectName}, but {assemblyName} uses nothing from it: remove the reference");
            }
        }

        foreach (var referenced in referencedAssemblies.Order(StringComparer.Ordinal))
        {
            if (layout.ClassifyAssembly(referenced) is { } target && Disallowed(owner, target) is { } reason)
            {
                violations.Add($"{assemblyName} references assembly {referenced}: {reason}");
            }
        }

        if (owner.Kind == ProjectKind.Contracts)
        {
            violations.AddRange(project.PackageReferences
                .Where(package => !ContractsPackages.Contains(package, StringComparer.OrdinalIgnoreCase))
                .Select(package => $"{owner.Name}.csproj references package {package}: Contracts may use only MediatR"));
            violations.AddRange(project.FrameworkReferences
                .Select(framework => $"{owner.Name}.csproj references framework {framework}: Contracts need only the BCL"));
        }

        return violations;
    }

    private static string? Disallowed(ProjectRole owner, ProjectRole target) => (owner.Kind, target.Kind) switch
    {
        (ProjectKind.Module, ProjectKind.BuildingBlocks or ProjectKind.Contracts) => null,
        (ProjectKind.Module, ProjectKind.Module) => $"a module must not use module {target.Module}'s internals; go through {target.Module}.Contracts",
        (ProjectKind.Module, _) => $"{target.Name} is neither BuildingBlocks nor a module's Contracts",
        (ProjectKind.Contracts, ProjectKind.BuildingBlocks) when target.Name == ContractsBuildingBlock => null,
        _ => $"Contracts may reference only {ContractsBuildingBlock}, not {target.Name}",
    };
}
