using Microsoft.EntityFrameworkCore;
using Modular.BuildingBlocks.Infrastructure.Persistence;
using Modular.Ordering.Domain;
using Modular.Ordering.Features.Checkout;

namespace Modular.Ordering.Infrastructure;

/// <summary>Ordering's write model for the catalog; orders are written by the reservation batcher in raw SQL.</summary>
internal sealed class OrderingDbContext(DbContextOptions<OrderingDbContext> options) : ModuleDbContext(options)
{
    public override string Schema => OrderingModule.ModuleName;

    public DbSet<Product> Products => Set<Product>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CheckoutState>(checkout =>
        {
            checkout.ToTable("checkout_states").HasKey(state => state.CorrelationId);
            checkout.Ignore(state => state.OrderChanged);
        });
        modelBuilder.Entity<Product>(product =>
        {
            product.ToTable("products");
            product.Property(p => p.Status).HasConversion<string>();
            // Stock changes only through conditional UPDATEs; EF never writes it after the insert.
            product.Property(p => p.Stock).Metadata.SetAfterSaveBehavior(Microsoft.EntityFrameworkCore.Metadata.PropertySaveBehavior.Ignore);
        });
    }
}
