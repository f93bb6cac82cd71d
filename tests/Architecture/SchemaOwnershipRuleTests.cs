using Mono.Cecil;
using Mono.Cecil.Cil;
using Modular.Tests.Architecture.Rules;
using Modular.Tests.Architecture.Samples;
using Modular.Tests.Architecture.Support;

namespace Modular.Tests.Architecture;

public sealed class SchemaOwnershipRuleTests
{
    private static readonly string[] SampleModules = ["Billing", "IAM", "Ordering"];

    [Theory]
    [MemberData(nameof(DiscoveredModules.All), MemberType = typeof(DiscoveredModules))]
    public void Module_sql_stays_in_the_modules_own_schemas(string module)
    {
        using var assembly = BuiltAssemblies.Module(module);
        SchemaOwnershipRule.Check(assembly, module, Solution.Modules).ShouldBeClean($"Rule 5 ({module})");
    }

    [Fact]
    public void Sql_in_the_modules_own_schemas_is_clean() =>
        CheckOrderingSql("""
            -- Moved here from billing.invoices: the comment does not count.
            CREATE SCHEMA IF NOT EXISTS ordering_read;
            CREATE TABLE ordering.orders (id uuid PRIMARY KEY, buyer text NOT NULL);
            CREATE TABLE IF NOT EXISTS "ordering_read"."order_list" (id uuid PRIMARY KEY);
            CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS orders_buyer ON ordering.orders (buyer);
            CREATE INDEX ON ordering_read.order_list (id);
            CREATE TABLE {schema}.checkout_state (id uuid PRIMARY KEY);
            CREATE TEMP TABLE staged_orders (id uuid);
            SELECT o.id FROM ordering.orders o JOIN ordering_read.order_list l ON l.id = o.id;
            """)
            .ShouldBeEmpty();

    [Theory]
    [InlineData("SELECT * FROM ordering.orders o JOIN billing.invoices i ON i.order_id = o.id", "billing.invoices")]
    [InlineData("SELECT * FROM billing_read.invoice_list", "billing_read.invoice_list")]
    [InlineData("""SELECT * FROM "iam"."users" """, "\"iam\".\"users\"")]
    [InlineData("ALTER TABLE ordering.orders ADD CONSTRAINT fk FOREIGN KEY (payer) REFERENCES IAM.users (id)", "IAM.users")]
    public void Catches_an_embedded_sql_file_naming_another_modules_schema(string sql, string foreignName) =>
        CheckOrderingSql(sql).ShouldContain(violation => violation.Contains($"{foreignName} is in another module's schema"));

    [Theory]
    [InlineData("CREATE TABLE orders (id uuid)", "orders is not schema-qualified")]
    [InlineData("CREATE UNLOGGED TABLE public.order_cache (id uuid)", "public.order_cache is outside the module's schemas")]
    [InlineData("CREATE INDEX orders_buyer ON orders (buyer)", "orders is not schema-qualified")]
    [InlineData("CREATE MATERIALIZED VIEW order_totals AS SELECT 1", "order_totals is not schema-qualified")]
    [InlineData("CREATE SCHEMA IF NOT EXISTS billing_archive", "creates a schema the module does not own")]
    public void Catches_an_object_created_outside_the_modules_schemas(string sql, string expected) =>
        CheckOrderingSql(sql).ShouldContain(violation => violation.Contains(expected));

    [Fact]
    public void Catches_a_sql_literal_in_code_naming_another_modules_schema()
    {
        var sample = new SampleAssembly("Modular.Ordering");
        var report = sample.AddType("Modular.Ordering.ReadModels", "OrderReport");
        sample.AddStringLiteral(report, "Load", "SELECT o.id, i.total FROM ordering_read.orders o JOIN billing_read.invoices i USING (order_id)");

        SchemaOwnershipRule.Check(sample.Build(), "Ordering", SampleModules)
            .ShouldHaveSingleItem().ShouldBe("literal in Modular.Ordering.ReadModels.OrderReport.Load: billing_read.invoices is in another module's schema (billing_read)");
    }

    [Fact]
    public void Catches_a_sql_constant_naming_another_modules_schema()
    {
        var sample = new SampleAssembly("Modular.Ordering");
        var queries = sample.AddType("Modular.Ordering.ReadModels", "OrderQueries");
        var constant = sample.AddField(queries, "ByInvoice", sample.Module.TypeSystem.String, FieldAttributes.Public | FieldAttributes.Static | FieldAttributes.Literal);
        constant.Constant = "SELECT * FROM iam_read.users";

        SchemaOwnershipRule.Check(sample.Build(), "Ordering", SampleModules)
            .ShouldHaveSingleItem().ShouldBe("constant Modular.Ordering.ReadModels.OrderQueries.ByInvoice: iam_read.users is in another module's schema (iam_read)");
    }

    [Theory]
    [InlineData("billing.invoice_not_found")]
    [InlineData("Modular.Billing.Contracts")]
    [InlineData("See FROM ordering.orders, the Modular.Billing.Contracts events")]
    public void Ignores_literals_that_are_not_sql_or_name_no_schema(string literal)
    {
        var sample = new SampleAssembly("Modular.Ordering");
        sample.AddStringLiteral(sample.AddType("Modular.Ordering.Features", "Codes"), "Get", literal);

        SchemaOwnershipRule.Check(sample.Build(), "Ordering", SampleModules).ShouldBeEmpty();
    }

    [Fact]
    public void Catches_an_ef_mapping_to_another_modules_schema()
    {
        var sample = new SampleAssembly("Modular.Ordering");
        var configuration = sample.AddType("Modular.Ordering.Infrastructure", "InvoiceConfiguration");
        var entityTypeBuilder = sample.ExternalType("Microsoft.EntityFrameworkCore.Relational", "Microsoft.EntityFrameworkCore", "RelationalEntityTypeBuilderExtensions");
        sample.AddMethod(configuration, "Configure", body: il =>
        {
            il.Emit(OpCodes.Ldnull);
            il.Emit(OpCodes.Ldstr, "invoices");
            il.Emit(OpCodes.Ldstr, "billing");
            il.Emit(OpCodes.Call, sample.MethodOn(entityTypeBuilder, "ToTable", sample.Module.TypeSystem.Object));
            il.Emit(OpCodes.Pop);
            il.Emit(OpCodes.Ldstr, "billing");
            il.Emit(OpCodes.Call, sample.MethodOn(entityTypeBuilder, "HasValue", sample.Module.TypeSystem.Object));
            il.Emit(OpCodes.Pop);
        });

        SchemaOwnershipRule.Check(sample.Build(), "Ordering", SampleModules)
            .ShouldHaveSingleItem().ShouldContain("ToTable(..., \"billing\") maps to another module's schema");
    }

    private static IReadOnlyList<string> CheckOrderingSql(string sql)
    {
        var sample = new SampleAssembly("Modular.Ordering");
        sample.EmbedResource("Modular.Ordering.Sql.0002_sample.sql", sql);
        return SchemaOwnershipRule.Check(sample.Build(), "Ordering", SampleModules);
    }
}
