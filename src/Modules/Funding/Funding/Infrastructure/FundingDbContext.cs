using Microsoft.EntityFrameworkCore;
using Modular.BuildingBlocks.Infrastructure.Persistence;
using Modular.Funding.Domain;
using Modular.Funding.Features.PledgeSaga;

namespace Modular.Funding.Infrastructure;

/// <summary>Funding's write model for projects and the pledge saga; pledges, reservations and totals are raw SQL (see <see cref="PledgeRows"/>).</summary>
internal sealed class FundingDbContext(DbContextOptions<FundingDbContext> options) : ModuleDbContext(options)
{
    public override string Schema => FundingModule.ModuleName;

    public DbSet<Project> Projects => Set<Project>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PledgeState>(pledge =>
        {
            pledge.ToTable("pledge_states").HasKey(state => state.CorrelationId);
            pledge.Ignore(state => state.PledgeChanged);
        });
        modelBuilder.Entity<Project>(project =>
        {
            project.ToTable("projects");
            project.Property(p => p.Status).HasConversion<string>();
            project.Property(p => p.Version).IsConcurrencyToken();
            project.OwnsMany(p => p.Tiers, tier =>
            {
                tier.ToTable("reward_tiers");
                tier.WithOwner().HasForeignKey("ProjectId");
                tier.HasKey(t => t.Id);
                tier.Property(t => t.Id).ValueGeneratedNever();
            });
            project.Navigation(p => p.Tiers).HasField("_tiers").UsePropertyAccessMode(PropertyAccessMode.Field);
        });
    }
}
