namespace Modular.Tests.Architecture.Support;

public enum ProjectKind
{
    BuildingBlocks,
    Module,
    Contracts,

    /// <summary>Anything else: the Host, test projects, tools.</summary>
    Other,
}

/// <summary>What a project or assembly is in the solution; <paramref name="Module"/> names the owning module, if any.</summary>
public sealed record ProjectRole(ProjectKind Kind, string Name, string? Module);
