using Modular.BuildingBlocks.Infrastructure.Migrations;

namespace Modular.BuildingBlocks.Web.Modules;

public static class ModuleMigrations
{
    public static IEnumerable<MigrationSource> ToMigrationSources(this IEnumerable<IModule> modules) =>
        modules.Select(module => MigrationSource.ForModule(module.Name, module.GetType().Assembly));
}
