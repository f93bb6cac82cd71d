using Microsoft.EntityFrameworkCore;
using Modular.BuildingBlocks.Infrastructure.Persistence;

namespace Modular.Tests.Probe;

public sealed class ProbeDbContext(DbContextOptions<ProbeDbContext> options) : ModuleDbContext(options)
{
    public override string Schema => ProbeModule.ModuleName;

    public DbSet<Ping> Pings => Set<Ping>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Ping>().ToTable("pings");
        modelBuilder.Entity<CounterReachedRecord>().ToTable("counter_reached").HasKey(record => record.CounterId);
        modelBuilder.Entity<CounterState>().ToTable("counter_states").HasKey(state => state.CorrelationId);
    }
}

public sealed class Ping
{
    public Guid Id { get; init; }
    public required string Payload { get; init; }
    public DateTime CreatedAt { get; init; }
}

public sealed class CounterReachedRecord
{
    public Guid CounterId { get; init; }
    public int Count { get; init; }
}
