using Microsoft.EntityFrameworkCore;
using Modular.BuildingBlocks.Infrastructure.Persistence;
using Modular.Settlement.Domain;

namespace Modular.Settlement.Infrastructure;

/// <summary>
/// Settlement's write model: export jobs and reconciliation runs (EF creates them; the worker and the reconciliation
/// consumer move them by conditional SQL). The ledger rows are documents of the read store (SettlementReadStore).
/// </summary>
internal sealed class SettlementDbContext(DbContextOptions<SettlementDbContext> options) : ModuleDbContext(options)
{
    public override string Schema => SettlementModule.ModuleName;

    public DbSet<ExportJob> ExportJobs => Set<ExportJob>();

    public DbSet<ReconciliationRun> ReconciliationRuns => Set<ReconciliationRun>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ExportJob>(job =>
        {
            job.ToTable("export_jobs");
            job.Property(j => j.Filter).HasColumnType("jsonb");
            job.Ignore(j => j.IsActive);
        });
        modelBuilder.Entity<ReconciliationRun>(run => run.ToTable("reconciliation_runs"));
    }
}
