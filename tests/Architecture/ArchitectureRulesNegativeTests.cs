using System.Xml.Linq;
using Mono.Cecil;
using Modular.Tests.Architecture.Rules;
using Modular.Tests.Architecture.Support;

namespace Modular.Tests.Architecture;

/// <summary>Each rule, shown a sample that breaks it, reports the violation.</summary>
public sealed class ArchitectureRulesNegativeTests
{
    private static readonly string[] SampleModules = ["Ordering", "Billing"];

    [Fact]
    public void Rule1_catches_a_reference_to_another_module_and_an_unused_reference()
    {
        var project = XDocument.Parse("""
            <Project><ItemGroup>
              <ProjectReference Include="..\..\Billing\Billing\Billing.csproj" />
              <ProjectReference Include="..\..\..\BuildingBlocks\BuildingBlocks.Domain\BuildingBlocks.Domain.csproj" />
            </ItemGroup></Project>
            """);
        var sample = new SampleAssembly("Modular.Ordering");
        var type = sample.AddType("Modular.Ordering", "Leaky", TypeAttributes.NotPublic);
        sample.AddField(type, "billing", sample.ExternalType("Modular.Billing", "Modular.Billing.Domain", "Invoice"));

        var violations = ModuleReferencesRule.Check("Ordering", project, sample.Build(), SampleModules);

        violations.ShouldContain(violation => violation.Contains("project reference to Billing"));
        violations.ShouldContain(violation => violation.Contains("module internals of Modular.Billing"));
        violations.ShouldContain(violation => violation.Contains("uses nothing from it") && violation.Contains("BuildingBlocks.Domain"));
    }

    [Fact]
    public void Rule2_catches_a_mutable_class_and_a_framework_reference()
    {
        var sample = new SampleAssembly("Modular.Ordering.Contracts");
        var type = sample.AddType("Modular.Ordering.Contracts", "OrderDto");
        sample.AddPublicSetter(type, "Status");
        sample.AddField(type, "context", sample.ExternalType("Microsoft.EntityFrameworkCore", "Microsoft.EntityFrameworkCore", "DbContext"));

        var violations = ContractsRule.Check(sample.Build());

        violations.ShouldContain(violation => violation.Contains("public and sealed"));
        violations.ShouldContain(violation => violation.Contains("must be a record"));
        violations.ShouldContain(violation => violation.Contains("public setter"));
        violations.ShouldContain(violation => violation.Contains("references Microsoft.EntityFrameworkCore"));
    }

    [Fact]
    public void Rule3_catches_a_public_handler()
    {
        var sample = new SampleAssembly("Modular.Ordering");
        sample.AddType("Modular.Ordering.Features.PlaceOrder", "PlaceOrderCommandHandler");

        var violations = InternalTypesRule.Check(sample.Build());

        violations.ShouldContain(violation => violation.Contains("PlaceOrderCommandHandler is public"));
        violations.ShouldContain(violation => violation.Contains("exactly one public IModule entry point"));
    }

    [Fact]
    public void Rule4_catches_a_domain_type_using_ef_core_and_infrastructure()
    {
        var sample = new SampleAssembly("Modular.Ordering");
        var order = sample.AddType("Modular.Ordering.Domain", "Order", TypeAttributes.NotPublic);
        sample.AddField(order, "db", sample.ExternalType("Microsoft.EntityFrameworkCore", "Microsoft.EntityFrameworkCore", "DbContext"));
        var repository = sample.AddType("Modular.Ordering.Infrastructure", "OrderRepository", TypeAttributes.NotPublic);
        sample.AddField(order, "repository", repository);

        var violations = DomainIndependenceRule.Check(sample.Build(), "Ordering");

        violations.ShouldContain(violation => violation.Contains("Microsoft.EntityFrameworkCore.DbContext"));
        violations.ShouldContain(violation => violation.Contains("Modular.Ordering.Infrastructure.OrderRepository"));
    }

    [Fact]
    public void Rule5_catches_sql_against_another_module_schema()
    {
        var sample = new SampleAssembly("Modular.Ordering");
        var query = sample.AddType("Modular.Ordering.ReadModels", "Report", TypeAttributes.NotPublic);
        sample.AddStringLiteral(query, "SELECT * FROM ordering.orders o JOIN billing_read.invoices i ON i.order_id = o.id");

        var violations = SchemaOwnershipRule.Check(sample.Build(), "ordering", ["ordering", "billing"]);

        violations.ShouldHaveSingleItem().ShouldContain("billing_read.invoices");
    }

    [Fact]
    public void Rule6_catches_the_host_using_a_module_internal()
    {
        var sample = new SampleAssembly("Modular.Host");
        var program = sample.AddType("", "Program");
        sample.AddField(program, "handler", sample.ExternalType("Modular.Ordering", "Modular.Ordering.Features.PlaceOrder", "PlaceOrderCommandHandler"));

        var violations = HostReferencesRule.Check(sample.Build(), SampleModules);

        violations.ShouldHaveSingleItem().ShouldContain("PlaceOrderCommandHandler");
    }
}
