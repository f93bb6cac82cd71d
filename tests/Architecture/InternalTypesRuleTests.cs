using Mono.Cecil;
using Modular.Tests.Architecture.Rules;
using Modular.Tests.Architecture.Samples;
using Modular.Tests.Architecture.Support;

namespace Modular.Tests.Architecture;

public sealed class InternalTypesRuleTests
{
    [Theory]
    [MemberData(nameof(DiscoveredModules.All), MemberType = typeof(DiscoveredModules))]
    public void Module_types_are_internal_except_the_entry_point(string module)
    {
        using var assembly = BuiltAssemblies.Module(module);
        InternalTypesRule.Check(assembly, module).ShouldBeClean($"Rule 3 ({module})");
    }

    [Fact]
    public void A_module_with_only_its_entry_point_public_is_clean()
    {
        var sample = OrderingWithEntryPoint();
        sample.AddType("Modular.Ordering.Features.PlaceOrder", "PlaceOrderCommandHandler");

        InternalTypesRule.Check(sample.Build(), "Ordering").ShouldBeEmpty();
    }

    [Fact]
    public void Catches_a_public_type()
    {
        var sample = OrderingWithEntryPoint();
        sample.AddType("Modular.Ordering.Features.PlaceOrder", "PlaceOrderCommandHandler", TypeAttributes.Public);

        InternalTypesRule.Check(sample.Build(), "Ordering")
            .ShouldHaveSingleItem().ShouldContain("Modular.Ordering.Features.PlaceOrder.PlaceOrderCommandHandler is public");
    }

    [Fact]
    public void Catches_a_public_type_nested_in_the_entry_point_but_not_one_nested_in_an_internal_type()
    {
        var sample = new SampleAssembly("Modular.Ordering");
        var entryPoint = AddEntryPoint(sample, "Modular.Ordering", "OrderingModule");
        sample.AddNestedType(entryPoint, "Options", TypeAttributes.NestedPublic);
        sample.AddNestedType(sample.AddType("Modular.Ordering.Domain", "Order"), "Line", TypeAttributes.NestedPublic);

        InternalTypesRule.Check(sample.Build(), "Ordering")
            .ShouldHaveSingleItem().ShouldContain("Modular.Ordering.OrderingModule/Options is public");
    }

    [Fact]
    public void Catches_a_missing_entry_point()
    {
        var sample = new SampleAssembly("Modular.Ordering");
        sample.AddType("Modular.Ordering", "OrderingStartup");

        InternalTypesRule.Check(sample.Build(), "Ordering")
            .ShouldHaveSingleItem().ShouldContain("exactly one public entry point named OrderingModule (in any casing), found 0");
    }

    [Fact]
    public void Catches_an_entry_point_that_is_not_an_IModule()
    {
        var sample = new SampleAssembly("Modular.Ordering");
        sample.AddType("Modular.Ordering", "OrderingModule", TypeAttributes.Public | TypeAttributes.Sealed);

        InternalTypesRule.Check(sample.Build(), "Ordering")
            .ShouldHaveSingleItem().ShouldContain($"does not implement {ModuleConventions.ModuleInterface}");
    }

    [Fact]
    public void Finds_the_entry_point_through_a_base_class_and_whatever_its_casing()
    {
        var sample = new SampleAssembly("Modular.IAM");
        var baseModule = AddEntryPoint(sample, "Modular.IAM.Composition", "ModuleBase");
        baseModule.Attributes = TypeAttributes.NotPublic | TypeAttributes.Abstract | TypeAttributes.Class;
        sample.AddType("Modular.IAM", "IamModule", TypeAttributes.Public | TypeAttributes.Sealed, baseModule);

        InternalTypesRule.Check(sample.Build(), "IAM").ShouldBeEmpty();
    }

    [Fact]
    public void Exempts_public_types_the_compiler_emits()
    {
        var sample = OrderingWithEntryPoint();
        sample.MarkCompilerGenerated(sample.AddType("Modular.Ordering", "<GeneratedHelper>", TypeAttributes.Public));

        InternalTypesRule.Check(sample.Build(), "Ordering").ShouldBeEmpty();
    }

    private static SampleAssembly OrderingWithEntryPoint()
    {
        var sample = new SampleAssembly("Modular.Ordering");
        AddEntryPoint(sample, "Modular.Ordering", "OrderingModule");
        return sample;
    }

    private static TypeDefinition AddEntryPoint(SampleAssembly sample, string @namespace, string name)
    {
        var type = sample.AddType(@namespace, name, TypeAttributes.Public | TypeAttributes.Sealed);
        type.Interfaces.Add(new InterfaceImplementation(sample.ExternalType("Modular.BuildingBlocks.Web", "Modular.BuildingBlocks.Web.Modules", "IModule")));
        return type;
    }
}
