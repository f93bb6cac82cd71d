using Mono.Cecil;
using Modular.Tests.Architecture.Rules;
using Modular.Tests.Architecture.Samples;
using Modular.Tests.Architecture.Support;

namespace Modular.Tests.Architecture;

public sealed class ModuleReferencesRuleTests
{
    private static readonly SolutionLayout SampleLayout = new(Path.Combine(Path.GetTempPath(), "sample-repository"), ["Billing", "Ordering"]);

    [Theory]
    [MemberData(nameof(DiscoveredModules.All), MemberType = typeof(DiscoveredModules))]
    public void Module_project_references_only_building_blocks_and_contracts(string module)
    {
        using var built = BuiltAssemblies.Module(module);
        ModuleReferencesRule.Check(ProjectFile.Load(Solution.Layout.ModuleProject(module)), built, Solution.Layout)
            .ShouldBeClean($"Rule 1 ({module})");
    }

    [Theory]
    [MemberData(nameof(DiscoveredModules.All), MemberType = typeof(DiscoveredModules))]
    public void Contracts_project_references_only_building_blocks_application(string module)
    {
        using var built = BuiltAssemblies.Contracts(module);
        ModuleReferencesRule.Check(ProjectFile.Load(Solution.Layout.ContractsProject(module)), built, Solution.Layout)
            .ShouldBeClean($"Rule 1 ({module}.Contracts)");
    }

    [Fact]
    public void A_module_using_building_blocks_and_contracts_it_references_is_clean() =>
        CheckOrdering(
            [@"..\..\..\BuildingBlocks\BuildingBlocks.Web\BuildingBlocks.Web.csproj", @"..\..\Billing\Billing.Contracts\Billing.Contracts.csproj"],
            ["Modular.BuildingBlocks.Web", "Modular.Billing.Contracts"])
            .ShouldBeEmpty();

    [Fact]
    public void Catches_a_project_reference_to_another_modules_internals() =>
        CheckOrdering([@"..\..\Billing\Billing\Billing.csproj"], ["Modular.Billing"])
            .ShouldContain(violation => violation.Contains(@"references ..\..\Billing\Billing\Billing.csproj") && violation.Contains("module Billing's internals"));

    [Fact]
    public void Catches_a_project_reference_outside_building_blocks_and_contracts() =>
        CheckOrdering([@"..\..\..\Host\Host.csproj"], ["Modular.Host"])
            .ShouldContain(violation => violation.Contains(@"references ..\..\..\Host\Host.csproj"));

    [Fact]
    public void Catches_an_assembly_reference_to_another_modules_internals_that_the_csproj_does_not_declare() =>
        CheckOrdering([], ["Modular.Billing"])
            .ShouldHaveSingleItem().ShouldContain("references assembly Modular.Billing");

    [Fact]
    public void Catches_a_project_reference_the_assembly_does_not_use() =>
        CheckOrdering([@"..\..\..\BuildingBlocks\BuildingBlocks.Domain\BuildingBlocks.Domain.csproj"], [])
            .ShouldHaveSingleItem().ShouldContain("references BuildingBlocks.Domain, but Modular.Ordering uses nothing from it");

    [Fact]
    public void A_build_order_only_reference_need_not_be_used() =>
        Check(
            "src/Modules/Ordering/Ordering/Ordering.csproj",
            """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <ProjectReference Include="..\..\Billing\Billing.Contracts\Billing.Contracts.csproj">
                  <ReferenceOutputAssembly>false</ReferenceOutputAssembly>
                </ProjectReference>
              </ItemGroup>
            </Project>
            """,
            "Modular.Ordering")
            .ShouldBeEmpty();

    [Fact]
    public void Catches_contracts_referencing_building_blocks_other_than_application()
    {
        var violations = Check(
            "src/Modules/Ordering/Ordering.Contracts/Ordering.Contracts.csproj",
            Project(ProjectReferences([@"..\..\..\BuildingBlocks\BuildingBlocks.Infrastructure\BuildingBlocks.Infrastructure.csproj", @"..\..\..\BuildingBlocks\BuildingBlocks.Application\BuildingBlocks.Application.csproj"])),
            "Modular.Ordering.Contracts", "Modular.BuildingBlocks.Infrastructure", "Modular.BuildingBlocks.Application");

        violations.Count.ShouldBe(2);
        violations.ShouldContain(violation => violation.Contains(@"references ..\..\..\BuildingBlocks\BuildingBlocks.Infrastructure\BuildingBlocks.Infrastructure.csproj"));
        violations.ShouldContain(violation => violation.Contains("references assembly Modular.BuildingBlocks.Infrastructure"));
    }

    [Fact]
    public void Catches_contracts_referencing_another_modules_contracts() =>
        Check(
            "src/Modules/Ordering/Ordering.Contracts/Ordering.Contracts.csproj",
            Project(ProjectReferences([@"..\..\Billing\Billing.Contracts\Billing.Contracts.csproj"])),
            "Modular.Ordering.Contracts", "Modular.Billing.Contracts")
            .Count.ShouldBe(2);

    [Fact]
    public void Catches_contracts_pulling_in_packages_other_than_mediatr_or_a_framework()
    {
        var violations = Check(
            "src/Modules/Ordering/Ordering.Contracts/Ordering.Contracts.csproj",
            Project("""
                <PackageReference Include="MediatR" />
                <PackageReference Include="Microsoft.EntityFrameworkCore" />
                <FrameworkReference Include="Microsoft.AspNetCore.App" />
                """),
            "Modular.Ordering.Contracts");

        violations.Count.ShouldBe(2);
        violations.ShouldContain(violation => violation.Contains("package Microsoft.EntityFrameworkCore"));
        violations.ShouldContain(violation => violation.Contains("framework Microsoft.AspNetCore.App"));
    }

    private static List<string> CheckOrdering(string[] projectReferences, string[] assemblyReferences) =>
        Check("src/Modules/Ordering/Ordering/Ordering.csproj", Project(ProjectReferences(projectReferences)), ["Modular.Ordering", .. assemblyReferences]);

    private static List<string> Check(string projectPath, string csproj, params string[] assemblyAndReferences)
    {
        var sample = new SampleAssembly(assemblyAndReferences[0]);
        foreach (var reference in assemblyAndReferences.Skip(1))
        {
            sample.AssemblyReference(reference);
        }

        using var built = sample.Build();
        var project = ProjectFile.Parse(Path.Combine(SampleLayout.Root, projectPath), csproj);
        return ModuleReferencesRule.Check(project, built, SampleLayout).ToList();
    }

    private static string ProjectReferences(IEnumerable<string> includes) =>
        string.Concat(includes.Select(include => $"""<ProjectReference Include="{include}" />"""));

    private static string Project(string items) => $"""<Project Sdk="Microsoft.NET.Sdk"><ItemGroup>{items}</ItemGroup></Project>""";
}
