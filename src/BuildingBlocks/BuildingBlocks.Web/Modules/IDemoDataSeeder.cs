namespace Modular.BuildingBlocks.Web.Modules;

/// <summary>Writes a module's Development demo data; must be repeatable (running it twice changes nothing).</summary>
public interface IDemoDataSeeder
{
    Task SeedAsync(CancellationToken cancellationToken);
}
