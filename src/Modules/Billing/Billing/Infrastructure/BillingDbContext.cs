using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Modular.Billing.Domain;
using Modular.BuildingBlocks.Infrastructure.Persistence;

namespace Modular.Billing.Infrastructure;

/// <summary>Billing's write model for invoices and price plans; usage rows and dispatches are raw SQL (bulk, conditional updates).</summary>
internal sealed class BillingDbContext(DbContextOptions<BillingDbContext> options) : ModuleDbContext(options)
{
    private static readonly JsonSerializerOptions LineJson = new(JsonSerializerDefaults.Web);

    public override string Schema => BillingModule.ModuleName;

    public DbSet<Invoice> Invoices => Set<Invoice>();

    public DbSet<PricePlan> PricePlans => Set<PricePlan>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Invoice>(invoice =>
        {
            invoice.ToTable("invoices");
            invoice.Property(i => i.Status).HasConversion<string>();
            invoice.Property(i => i.Kind).HasConversion<string>();
            invoice.Property(i => i.Version).IsConcurrencyToken();
            invoice.Property(i => i.Lines).HasColumnType("jsonb").HasConversion(
                lines => JsonSerializer.Serialize(lines, LineJson),
                json => JsonSerializer.Deserialize<List<InvoiceLine>>(json, LineJson) ?? new List<InvoiceLine>(),
                new ValueComparer<IReadOnlyList<InvoiceLine>>(
                    (left, right) => left!.SequenceEqual(right!), lines => lines.Count, lines => lines.ToList()));
        });
        modelBuilder.Entity<PricePlan>(plan =>
        {
            plan.ToTable("price_plans").HasKey(p => p.Product);
            plan.Property(p => p.UnitPrice).HasPrecision(18, 4);
        });
    }
}
