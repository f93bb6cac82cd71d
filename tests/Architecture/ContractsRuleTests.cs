using Mono.Cecil;
using Modular.Tests.Architecture.Rules;
using Modular.Tests.Architecture.Samples;
using Modular.Tests.Architecture.Samples.Contracts;
using Modular.Tests.Architecture.Support;

namespace Modular.Tests.Architecture;

public sealed class ContractsRuleTests
{
    [Theory]
    [MemberData(nameof(DiscoveredModules.All), MemberType = typeof(DiscoveredModules))]
    public void Contracts_are_public_sealed_immutable_records_without_foreign_dependencies(string module)
    {
        using var contracts = BuiltAssemblies.Contracts(module);
        ContractsRule.Check(contracts).ShouldBeClean($"Rule 2 ({module}.Contracts)");
    }

    [Theory]
    [InlineData(typeof(PositionalEvent))]
    [InlineData(typeof(NominalRequest))]
    [InlineData(typeof(GenericPage<>))]
    [InlineData(typeof(OuterDto))]
    [InlineData(typeof(OuterDto.InnerDto))]
    [InlineData(typeof(MoneyDto))]
    public void A_compiled_record_passes(Type record) =>
        ContractsRule.CheckType(CompiledSamples.Definition(record)).ShouldBeEmpty();

    [Theory]
    [InlineData(typeof(ClassNotRecord), "is not a record")]
    [InlineData(typeof(UnsealedRecord), "is not sealed")]
    [InlineData(typeof(InternalRecord), "is not public")]
    [InlineData(typeof(SettableRecord), "SettableRecord.Name has a public setter")]
    [InlineData(typeof(SettableRecordStruct), "SettableRecordStruct.Count has a public setter")]
    [InlineData(typeof(FieldRecord), "FieldRecord.Count is a mutable public field")]
    [InlineData(typeof(ComputedPropertyRecord), "ComputedPropertyRecord.get_Upper is logic")]
    [InlineData(typeof(MethodRecord), "MethodRecord.Twice is logic")]
    [InlineData(typeof(OverriddenToStringRecord), "OverriddenToStringRecord.ToString is logic")]
    public void Catches_a_compiled_type_that_is_not_a_plain_public_sealed_immutable_record(Type sample, string expected) =>
        ContractsRule.CheckType(CompiledSamples.Definition(sample)).ShouldHaveSingleItem().ShouldContain(expected);

    [Fact]
    public void Catches_references_to_anything_but_the_bcl_mediatr_and_building_blocks_application()
    {
        var sample = new SampleAssembly("Modular.Ordering.Contracts");
        string[] allowed = ["System.Runtime", "System.Collections", "netstandard", "MediatR", "Modular.BuildingBlocks.Application"];
        string[] forbidden = ["Microsoft.EntityFrameworkCore", "MassTransit.Abstractions", "Modular.Billing", "Modular.BuildingBlocks.Domain", "Microsoft.Extensions.Logging.Abstractions"];
        foreach (var reference in allowed.Concat(forbidden))
        {
            sample.AssemblyReference(reference);
        }

        using var contracts = sample.Build();
        var violations = ContractsRule.Check(contracts);

        violations.Count.ShouldBe(forbidden.Length);
        foreach (var reference in forbidden)
        {
            violations.ShouldContain(violation => violation.Contains($"references {reference}:"));
        }
    }

    [Fact]
    public void Checks_every_type_including_nested_ones_and_skips_what_the_compiler_emits()
    {
        var sample = new SampleAssembly("Modular.Ordering.Contracts");
        var outer = sample.AddType("Modular.Ordering.Contracts", "OrderView", TypeAttributes.Public | TypeAttributes.Sealed);
        sample.AddNestedType(outer, "Line", TypeAttributes.NestedPublic | TypeAttributes.Sealed);
        var generated = sample.AddType("", "<PrivateImplementationDetails>", TypeAttributes.NotPublic);
        sample.MarkCompilerGenerated(generated);

        using var contracts = sample.Build();
        var violations = ContractsRule.Check(contracts);

        violations.ShouldBe(["Modular.Ordering.Contracts.OrderView is not a record", "Modular.Ordering.Contracts.OrderView/Line is not a record"], ignoreOrder: true);
    }
}
