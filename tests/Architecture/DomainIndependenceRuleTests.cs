using Mono.Cecil;
using Mono.Cecil.Cil;
using Modular.Tests.Architecture.Rules;
using Modular.Tests.Architecture.Samples;
using Modular.Tests.Architecture.Support;

namespace Modular.Tests.Architecture;

public sealed class DomainIndependenceRuleTests
{
    private const string Domain = "Modular.Ordering.Domain";

    [Theory]
    [MemberData(nameof(DiscoveredModules.All), MemberType = typeof(DiscoveredModules))]
    public void Domain_depends_on_no_framework_nor_on_features_or_infrastructure(string module)
    {
        using var assembly = BuiltAssemblies.Module(module);
        DomainIndependenceRule.Check(assembly, module).ShouldBeClean($"Rule 4 ({module})");
    }

    [Fact]
    public void A_domain_using_the_bcl_building_blocks_domain_and_itself_is_clean()
    {
        var sample = new SampleAssembly("Modular.Ordering");
        var order = sample.AddType(Domain, "Order", baseType: sample.ExternalType("Modular.BuildingBlocks.Domain", "Modular.BuildingBlocks.Domain", "Entity"));
        var line = sample.AddType(Domain + ".Lines", "OrderLine");
        sample.AddField(order, "_lines", line);
        sample.AddField(order, "_placedAt", sample.ExternalType("System.Runtime", "System", "DateTimeOffset", isValueType: true));

        DomainIndependenceRule.Check(sample.Build(), "Ordering").ShouldBeEmpty();
    }

    [Fact]
    public void Types_outside_the_domain_may_use_frameworks()
    {
        var sample = new SampleAssembly("Modular.Ordering");
        var handler = sample.AddType("Modular.Ordering.Features.PlaceOrder", "PlaceOrderCommandHandler");
        sample.AddField(handler, "_db", EfDbContext(sample));
        sample.AddField(sample.AddType("Modular.Ordering.DomainEvents", "Mapper"), "_db", EfDbContext(sample));

        DomainIndependenceRule.Check(sample.Build(), "Ordering").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("base type", "Microsoft.EntityFrameworkCore.DbContext")]
    [InlineData("interface", "MassTransit.IConsumer")]
    [InlineData("field", "MediatR.IMediator")]
    [InlineData("generic argument", "Microsoft.EntityFrameworkCore.DbContext")]
    [InlineData("method signature", "Modular.Ordering.Features.PlaceOrder.PlaceOrderCommand")]
    [InlineData("method call", "Modular.Ordering.Infrastructure.OrderRepository")]
    [InlineData("local variable", "Microsoft.AspNetCore.Http.HttpContext")]
    [InlineData("typeof", "Npgsql.NpgsqlConnection")]
    [InlineData("attribute", "Microsoft.AspNetCore.Authorization.AuthorizeAttribute")]
    [InlineData("attribute typeof argument", "Modular.Ordering.Infrastructure.OrderRepository")]
    [InlineData("nested closure", "Microsoft.EntityFrameworkCore.DbContext")]
    [InlineData("sub-namespace", "Modular.BuildingBlocks.Infrastructure.Persistence.ModuleDbContext")]
    public void Catches_a_forbidden_dependency_wherever_the_domain_mentions_it(string site, string forbidden)
    {
        var sample = new SampleAssembly("Modular.Ordering");
        var order = sample.AddType(Domain, "Order");
        MentionAt(sample, order, site);

        DomainIndependenceRule.Check(sample.Build(), "Ordering")
            .ShouldContain(violation => violation.Contains($"depends on {forbidden}"), $"the {site} should have been caught");
    }

    private static void MentionAt(SampleAssembly sample, TypeDefinition order, string site)
    {
        var command = sample.AddType("Modular.Ordering.Features.PlaceOrder", "PlaceOrderCommand");
        var repository = sample.AddType("Modular.Ordering.Infrastructure", "OrderRepository");
        switch (site)
        {
            case "base type":
                order.BaseType = EfDbContext(sample);
                break;
            case "interface":
                order.Interfaces.Add(new InterfaceImplementation(sample.ExternalType("MassTransit.Abstractions", "MassTransit", "IConsumer")));
                break;
            case "field":
                sample.AddField(order, "_mediator", sample.ExternalType("MediatR", "MediatR", "IMediator"));
                break;
            case "generic argument":
                var list = sample.ExternalType("System.Collections", "System.Collections.Generic", "List`1");
                list.GenericParameters.Add(new GenericParameter(list));
                sample.AddField(order, "_contexts", new GenericInstanceType(list) { GenericArguments = { EfDbContext(sample) } });
                break;
            case "method signature":
                sample.AddMethod(order, "Place").Parameters.Add(new ParameterDefinition("command", ParameterAttributes.None, command));
                break;
            case "method call":
                sample.AddMethod(order, "Save", body: il => il.Emit(OpCodes.Call, sample.MethodOn(repository, "SaveAll")));
                break;
            case "local variable":
                var method = sample.AddMethod(order, "Handle");
                method.Body.Variables.Add(new VariableDefinition(sample.ExternalType("Microsoft.AspNetCore.Http.Abstractions", "Microsoft.AspNetCore.Http", "HttpContext")));
                break;
            case "typeof":
                sample.AddMethod(order, "ConnectionType", body: il =>
                {
                    il.Emit(OpCodes.Ldtoken, sample.ExternalType("Npgsql", "Npgsql", "NpgsqlConnection"));
                    il.Emit(OpCodes.Pop);
                });
                break;
            case "attribute":
                sample.AddAttribute(order, sample.ExternalType("Microsoft.AspNetCore.Authorization", "Microsoft.AspNetCore.Authorization", "AuthorizeAttribute"));
                break;
            case "attribute typeof argument":
                var systemType = sample.ExternalType("System.Runtime", "System", "Type");
                sample.AddAttribute(order, sample.ExternalType("System.Runtime", "System", "DomainHintAttribute"), new CustomAttributeArgument(systemType, repository));
                break;
            case "nested closure":
                var closure = sample.AddNestedType(order, "<>c__DisplayClass0_0");
                sample.MarkCompilerGenerated(closure);
                sample.AddField(closure, "db", EfDbContext(sample), FieldAttributes.Public);
                break;
            case "sub-namespace":
                sample.AddField(sample.AddType(Domain + ".Orders.Pricing", "PriceList"), "_db",
                    sample.ExternalType("Modular.BuildingBlocks.Infrastructure", "Modular.BuildingBlocks.Infrastructure.Persistence", "ModuleDbContext"));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(site), site, "unknown site");
        }
    }

    private static TypeReference EfDbContext(SampleAssembly sample) =>
        sample.ExternalType("Microsoft.EntityFrameworkCore", "Microsoft.EntityFrameworkCore", "DbContext");
}
