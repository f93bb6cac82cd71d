using Microsoft.EntityFrameworkCore;
using Modular.Acquisition.Domain;
using Modular.BuildingBlocks.Infrastructure.Persistence;

namespace Modular.Acquisition.Infrastructure;

/// <summary>Acquisition's write model: merchants, the payment transactions asked of the card network and the acquiring loop's errors.</summary>
internal sealed class AcquisitionDbContext(DbContextOptions<AcquisitionDbContext> options) : ModuleDbContext(options)
{
    public override string Schema => AcquisitionModule.ModuleName;

    public DbSet<Merchant> Merchants => Set<Merchant>();

    public DbSet<PaymentTransaction> Payments => Set<PaymentTransaction>();

    public DbSet<AcquiringError> AcquiringErrors => Set<AcquiringError>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Merchant>(merchant =>
        {
            merchant.ToTable("merchants");
            merchant.Property(m => m.VatRule).HasConversion<string>();
            merchant.Property(m => m.SettlementCycle).HasConversion<string>();
            merchant.Property(m => m.Status).HasConversion<string>();
            merchant.Property(m => m.Version).IsConcurrencyToken();
            merchant.Property(m => m.FeeRate).HasPrecision(6, 5);
        });
        modelBuilder.Entity<PaymentTransaction>(payment =>
        {
            payment.ToTable("payment_transactions");
            payment.Property(p => p.Status).HasConversion<string>();
            payment.Property(p => p.Version).IsConcurrencyToken();
            payment.Property<string?>(PaymentTraces.Property);
        });
        modelBuilder.Entity<AcquiringError>(error =>
        {
            error.ToTable("acquiring_errors");
            error.Property(e => e.Status).HasConversion<string>();
            error.Property(e => e.Version).IsConcurrencyToken();
            error.Property(e => e.Reasons).HasColumnType("jsonb");
            error.Property(e => e.Payload).HasColumnType("jsonb");
        });
    }
}
