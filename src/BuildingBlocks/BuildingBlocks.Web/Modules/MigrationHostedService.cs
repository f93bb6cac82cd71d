using Microsoft.Extensions.Hosting;
using Modular.BuildingBlocks.Infrastructure.Migrations;

namespace Modular.BuildingBlocks.Web.Modules;

/// <summary>Applies every module's migrations at start-up, before the bus and the endpoints start.</summary>
internal sealed class MigrationHostedService(SqlMigrator migrator, IEnumerable<IModule> modules) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(modules.ToMigrationSources(), cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
