using Mono.Cecil;
using Mono.Cecil.Cil;
using Modular.Tests.Architecture.Rules;
using Modular.Tests.Architecture.Samples;
using Modular.Tests.Architecture.Support;

namespace Modular.Tests.Architecture;

public sealed class HostReferencesRuleTests
{
    private static readonly string[] SampleModules = ["IAM", "Ordering"];

    [Fact]
    public void The_host_uses_modules_only_through_their_entry_points()
    {
        using var host = BuiltAssemblies.Host();
        HostReferencesRule.Check(host, Solution.Modules).ShouldBeClean("Rule 6 (Host)");
    }

    [Fact]
    public void Entry_points_contracts_and_building_blocks_are_allowed()
    {
        var sample = HostSample(out var program);
        sample.AddField(program, "_contract", sample.ExternalType("Modular.Ordering.Contracts", "Modular.Ordering.Contracts", "OrderPlaced"));
        sample.AddField(program, "_platform", sample.ExternalType("Modular.BuildingBlocks.Web", "Modular.BuildingBlocks.Web", "ModularPlatform"));

        HostReferencesRule.Check(sample.Build(), SampleModules).ShouldBeEmpty();
    }

    [Fact]
    public void Catches_the_host_calling_into_a_modules_internals()
    {
        var sample = HostSample(out var program);
        var handler = sample.ExternalType("Modular.Ordering", "Modular.Ordering.Features.PlaceOrder", "PlaceOrderCommandHandler");
        sample.AddMethod(program, "Run", body: il => il.Emit(OpCodes.Call, sample.MethodOn(handler, "Handle")));

        HostReferencesRule.Check(sample.Build(), SampleModules)
            .ShouldHaveSingleItem().ShouldContain("uses Modular.Ordering.Features.PlaceOrder.PlaceOrderCommandHandler from Modular.Ordering");
    }

    [Fact]
    public void Catches_a_type_nested_in_an_entry_point()
    {
        var sample = HostSample(out var program);
        var options = new TypeReference("", "Options", sample.Module, scope: null) { DeclaringType = EntryPoint(sample) };
        sample.AddField(program, "_options", options);

        HostReferencesRule.Check(sample.Build(), SampleModules)
            .ShouldHaveSingleItem().ShouldContain("uses Modular.IAM.IamModule/Options");
    }

    [Fact]
    public void Catches_a_module_type_named_only_in_an_attributes_typeof_argument()
    {
        var sample = HostSample(out var program);
        var consumer = sample.ExternalType("Modular.Ordering", "Modular.Ordering.Features", "OrderPlacedConsumer");
        var systemType = sample.ExternalType("System.Runtime", "System", "Type");
        sample.AddAttribute(program, sample.ExternalType("System.Runtime", "System", "RegistersAttribute"), new CustomAttributeArgument(systemType, consumer));

        HostReferencesRule.Check(sample.Build(), SampleModules)
            .ShouldHaveSingleItem().ShouldContain("uses Modular.Ordering.Features.OrderPlacedConsumer");
    }

    private static SampleAssembly HostSample(out TypeDefinition program)
    {
        var sample = new SampleAssembly("Modular.Host");
        program = sample.AddType("", "Program");
        sample.AddField(program, "_iam", EntryPoint(sample));
        sample.AddField(program, "_ordering", sample.ExternalType("Modular.Ordering", "Modular.Ordering", "OrderingModule"));
        return sample;
    }

    private static TypeReference EntryPoint(SampleAssembly sample) => sample.ExternalType("Modular.IAM", "Modular.IAM", "IamModule");
}
