using Microsoft.EntityFrameworkCore;
using Modular.BuildingBlocks.Infrastructure.Persistence;

namespace Modular.Bench.Projections.Reference;

public sealed class ReferenceDbContext(DbContextOptions<ReferenceDbContext> options) : ModuleDbContext(options)
{
    public override string Schema => ReferenceProjectionModule.ModuleName;

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
    }
}
