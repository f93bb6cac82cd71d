using System.Xml.Linq;
using Mono.Cecil;
using Modular.Tests.Architecture.Rules;
using Modular.Tests.Architecture.Support;

namespace Modular.Tests.Architecture;

/// <summary>The six rules of ARCHITECTURE.md over every module found under src/Modules.</summary>
public sealed class ArchitectureRulesTests
{
    public static TheoryData<string> Modules() => new(Solution.Modules);

    [Fact]
    public void All_six_modules_are_found() => Solution.Modules.Count.ShouldBeGreaterThanOrEqualTo(6);

    [Theory]
    [MemberData(nameof(Modules))]
    public void Rule1_modules_reference_only_building_blocks_and_contracts(string module)
    {
        var violations = ModuleReferencesRule.Check(module, XDocument.Load(Solution.ProjectFile(module, contracts: false)), Solution.ModuleAssembly(module), Solution.Modules)
            .Concat(ModuleReferencesRule.Check(module, XDocument.Load(Solution.ProjectFile(module, contracts: true)), Solution.ModuleAssembly(module, contracts: true), Solution.Modules));
        violations.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Rule2_contracts_are_public_sealed_immutable_records(string module) =>
        ContractsRule.Check(Solution.ModuleAssembly(module, contracts: true)).ShouldBeEmpty();

    [Theory]
    [MemberData(nameof(Modules))]
    public void Rule3_module_types_are_internal_except_the_entry_point(string module) =>
        InternalTypesRule.Check(Solution.ModuleAssembly(module)).ShouldBeEmpty();

    [Theory]
    [MemberData(nameof(Modules))]
    public void Rule4_domain_depends_on_no_framework(string module) =>
        DomainIndependenceRule.Check(Solution.ModuleAssembly(module), module).ShouldBeEmpty();

    [Theory]
    [MemberData(nameof(Modules))]
    public void Rule5_sql_touches_only_the_module_schemas(string module) =>
        SchemaOwnershipRule.Check(Solution.ModuleAssembly(module), module.ToLowerInvariant(), Solution.Schemas).ShouldBeEmpty();

    [Fact]
    public void Rule6_the_host_uses_modules_only_through_their_entry_points() =>
        HostReferencesRule.Check(Solution.Assembly("Modular.Host"), Solution.Modules).ShouldBeEmpty();
}
