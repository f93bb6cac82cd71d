namespace Modular.Tests.Architecture.Support;

/// <summary>Where projects live and what role a project or assembly plays, by the layout ARCHITECTURE.md prescribes.</summary>
public sealed class SolutionLayout(string root, IReadOnlyList<string> modules)
{
    private const string AssemblyPrefix = "Modular.";
    private const string ContractsSuffix = ".Contracts";
    private const string BuildingBlocksPrefix = "BuildingBlocks.";

    public string Root { get; } = Path.GetFullPath(root);

    public IReadOnlyList<string> Modules { get; } = modules;

    public string ModuleProject(string module) => Path.Combine(Root, "src", "Modules", module, module, $"{module}.csproj");

    public string ContractsProject(string module) =>
        Path.Combine(Root, "src", "Modules", module, module + ContractsSuffix, $"{module}{ContractsSuffix}.csproj");

    /// <summary>The role of a project file, from its path: src/BuildingBlocks/X/X.csproj, src/Modules/M/M/M.csproj, src/Modules/M/M.Contracts/M.Contracts.csproj.</summary>
    public ProjectRole ClassifyProject(string projectPath)
    {
        var relative = Path.GetRelativePath(Root, Path.GetFullPath(projectPath)).Replace('\\', '/');
        var parts = relative.Split('/');
        var name = Path.GetFileNameWithoutExtension(projectPath);
        return parts switch
        {
            ["src", "BuildingBlocks", var folder, _] when folder == name => new(ProjectKind.BuildingBlocks, name, Module: null),
            ["src", "Modules", var module, var folder, _] when folder == name && Modules.Contains(module) =>
                name == module ? new(ProjectKind.Module, name, module)
                : name == module + ContractsSuffix ? new(ProjectKind.Contracts, name, module)
                : new(ProjectKind.Other, relative, Module: null),
            _ => new(ProjectKind.Other, relative, Module: null),
        };
    }

    /// <summary>The role of a built assembly, from its name (Modular.&lt;Project&gt;); null for assemblies that are not ours.</summary>
    public ProjectRole? ClassifyAssembly(string assemblyName)
    {
        if (!assemblyName.StartsWith(AssemblyPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var name = assemblyName[AssemblyPrefix.Length..];
        if (name.StartsWith(BuildingBlocksPrefix, StringComparison.Ordinal))
        {
            return new(ProjectKind.BuildingBlocks, name, Module: null);
        }

        if (Modules.Contains(name))
        {
            return new(ProjectKind.Module, name, name);
        }

        return name.EndsWith(ContractsSuffix, StringComparison.Ordinal) && Modules.Contains(name[..^ContractsSuffix.Length])
            ? new(ProjectKind.Contracts, name, name[..^ContractsSuffix.Length])
            : new(ProjectKind.Other, name, Module: null);
    }
}
