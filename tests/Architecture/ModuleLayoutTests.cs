using Modular.Tests.Architecture.Support;

namespace Modular.Tests.Architecture;

/// <summary>The rules find modules by folder; these tests make sure each folder is a module they can read.</summary>
public sealed class ModuleLayoutTests
{
    [Fact]
    public void Modules_are_discovered_under_src_Modules() =>
        Solution.Modules.ShouldNotBeEmpty("no module folders under src/Modules");

    [Theory]
    [MemberData(nameof(DiscoveredModules.All), MemberType = typeof(DiscoveredModules))]
    public void Each_module_has_a_module_project_and_a_contracts_project(string module)
    {
        File.Exists(Solution.Layout.ModuleProject(module)).ShouldBeTrue($"expected {Solution.Layout.ModuleProject(module)}");
        File.Exists(Solution.Layout.ContractsProject(module)).ShouldBeTrue($"expected {Solution.Layout.ContractsProject(module)}");
    }
}
