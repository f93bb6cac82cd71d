using Modular.Tests.Architecture.Rules;
using Modular.Tests.Architecture.Samples;
using Modular.Tests.Architecture.Support;

namespace Modular.Tests.Architecture;

public sealed class ReadSideAccessRuleTests
{
    [Theory]
    [MemberData(nameof(DiscoveredModules.All), MemberType = typeof(DiscoveredModules))]
    public void Only_projections_write_documents_and_only_query_handlers_read_them(string module)
    {
        using var assembly = BuiltAssemblies.Module(module);
        ReadSideAccessRule.Check(assembly, module).ShouldBeClean($"Rule 7 ({module})");
    }

    [Fact]
    public void A_projection_that_writes_and_a_query_handler_that_reads_are_clean()
    {
        var sample = new SampleAssembly("Modular.Ordering");
        var projection = sample.AddType("Modular.Ordering.ReadModels", "OrderPlacedProjection");
        sample.AddField(projection, "_store", ReadStore(sample));
        sample.AddField(projection, "_session", DocumentSession(sample));
        var handler = sample.AddType("Modular.Ordering.Features.SearchOrders", "SearchOrdersQueryHandler");
        sample.AddField(sample.AddNestedType(handler, "<Handle>d__1"), "session", QuerySession(sample));

        ReadSideAccessRule.Check(sample.Build(), "Ordering").ShouldBeEmpty();
    }

    [Fact]
    public void Catches_a_feature_that_reads_documents_without_being_a_query_handler()
    {
        var sample = new SampleAssembly("Modular.Ordering");
        var exporter = sample.AddType("Modular.Ordering.Features.ExportOrders", "OrderExporter");
        sample.AddField(sample.AddNestedType(exporter, "<>c__DisplayClass0_0"), "store", ReadStore(sample));

        ReadSideAccessRule.Check(sample.Build(), "Ordering").ShouldContain(violation => violation.Contains("OrderExporter reads documents"));
    }

    [Fact]
    public void Catches_a_query_handler_that_writes_documents()
    {
        var sample = new SampleAssembly("Modular.Ordering");
        var handler = sample.AddType("Modular.Ordering.Features.GetOrder", "GetOrderQueryHandler");
        sample.AddField(handler, "_session", DocumentSession(sample));

        ReadSideAccessRule.Check(sample.Build(), "Ordering").ShouldContain(violation => violation.Contains("GetOrderQueryHandler writes documents"));
    }

    [Fact]
    public void Catches_a_command_handler_that_applies_a_projection()
    {
        var sample = new SampleAssembly("Modular.Ordering");
        var handler = sample.AddType("Modular.Ordering.Features.PlaceOrder", "PlaceOrderCommandHandler");
        sample.AddField(handler, "_projection",
            sample.ExternalType("Modular.BuildingBlocks.Infrastructure", "Modular.BuildingBlocks.Infrastructure.ReadModels", "DocumentProjection"));

        ReadSideAccessRule.Check(sample.Build(), "Ordering").ShouldContain(violation => violation.Contains("PlaceOrderCommandHandler writes documents"));
    }

    private static Mono.Cecil.TypeReference ReadStore(SampleAssembly sample) =>
        sample.ExternalType("Modular.BuildingBlocks.Infrastructure", "Modular.BuildingBlocks.Infrastructure.ReadModels", "ReadStore`1");

    private static Mono.Cecil.TypeReference QuerySession(SampleAssembly sample) => sample.ExternalType("Marten", "Marten", "IQuerySession");

    private static Mono.Cecil.TypeReference DocumentSession(SampleAssembly sample) => sample.ExternalType("Marten", "Marten", "IDocumentSession");
}
