using System.Xml.Linq;
using Mono.Cecil;

namespace Modular.Tests.Architecture.Rules;

/// <summary>Rule 1: a module references BuildingBlocks and other modules' Contracts only, and every project reference is used.</summary>
public static class ModuleReferencesRule
{
    public static IReadOnlyList<string> Check(string module, XDocument project, AssemblyDefinition assembly, IEnumerable<string> allModules)
    {
        var violations = new List<string>();
        var referencedProjects = project.Descendants("ProjectReference")
            .Select(reference => Path.GetFileNameWithoutExtension(reference.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToList();
        var others = allModules.Where(other => other != module).ToHashSet();

        foreach (var referenced in referencedProjects)
        {
            var allowed = referenced.StartsWith("BuildingBlocks.", StringComparison.Ordinal)
                || referenced == $"{module}.Contracts"
                || (referenced.EndsWith(".Contracts", StringComparison.Ordinal) && others.Contains(referenced[..^".Contracts".Length]));
            if (!allowed)
            {
                violations.Add($"{assembly.Name.Name} has a project reference to {referenced}");
            }
        }

        var assemblyReferences = assembly.MainModule.AssemblyReferences.Select(reference => reference.Name).ToHashSet();
        violations.AddRange(assemblyReferences
            .Where(name => others.Any(other => name == $"Modular.{other}"))
            .Select(name => $"{assembly.Name.Name} references module internals of {name}"));
        violations.AddRange(referencedProjects
            .Where(referenced => !assemblyReferences.Contains($"Modular.{referenced}"))
            .Select(referenced => $"{assembly.Name.Name} references project {referenced} but uses nothing from it"));
        return violations;
    }
}
