using MassTransit;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Modular.BuildingBlocks.Infrastructure.Messaging;
using Modular.BuildingBlocks.Infrastructure.Persistence;
using Modular.BuildingBlocks.Infrastructure.ReadModels;
using Modular.BuildingBlocks.Web.Modules;
using Modular.Settlement.Features.DownloadExport;
using Modular.Settlement.Features.GetExport;
using Modular.Settlement.Features.GetMyExports;
using Modular.Settlement.Features.GetReconciliation;
using Modular.Settlement.Features.ReconcileDay;
using Modular.Settlement.Features.RequestExport;
using Modular.Settlement.Features.RunExports;
using Modular.Settlement.Features.SearchLedger;
using Modular.Settlement.Infrastructure;
using Modular.Settlement.Infrastructure.Storage;
using Modular.Settlement.ReadModels;

namespace Modular.Settlement;

public sealed class SettlementModule : IModule
{
    public const string ModuleName = "settlement";

    /// <summary>
    /// Write pool: the ledger projection and reconciliation (the consumers' half), export job rows. The read pool serves
    /// searches and the export partitions (at most ConcurrentJobs × PartitionParallelism connections at once).
    /// </summary>
    public const int WritePoolSize = 10;

    public const int ReadPoolSize = 6;

    /// <summary>Messages per ledger batch: each is a chunk of up to 1,000 acquisitions (≈ 2,000 rows).</summary>
    private const int LedgerMessagesPerBatch = 10;

    public string Name => ModuleName;

    public void AddServices(IServiceCollection services, ModuleContext context)
    {
        services.AddModuleDatabase<SettlementDbContext>(ModuleName, context.Services.Postgres, WritePoolSize);
        services.Configure<SettlementOptions>(context.Configuration.GetSection(SettlementOptions.Section));
        services.AddSingleton<SettlementMetrics>();
        services.AddSingleton<ExportLinkSignature>();
        if (context.Configuration.GetSection($"{SettlementOptions.Section}:Exports:S3").Get<S3StorageOptions>() is { IsConfigured: true })
        {
            services.AddSingleton<IExportStorage, S3ExportStorage>();
        }
        else
        {
            services.AddSingleton<IExportStorage, LocalExportStorage>();
        }

        services.AddSingleton<ExportSignal>();
        services.AddSingleton<ExportRunner>();
        services.AddHostedService<ExportWorker>();
        services.AddHostedService<ReconciliationScheduler>();
        services.AddReadStore<SettlementDbContext>(
            ModuleName, context.Services.Postgres, context.Configuration["Settlement:ReadConnectionString"], ReadPoolSize, SettlementReadStore.Declare);
    }

    public void AddConsumers(IBusRegistrationConfigurator bus)
    {
        bus.AddModuleEndpoints<SettlementDbContext>(ModuleName);
        bus.AddModuleBatchConsumer<LedgerProjection>(LedgerMessagesPerBatch);
        bus.AddConsumer<LedgerReconciliationProjection>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapSearchLedger();
        endpoints.MapRequestExport();
        endpoints.MapGetMyExports();
        endpoints.MapGetExport();
        endpoints.MapDownloadExport();
        endpoints.MapReconcileDay();
        endpoints.MapGetReconciliation();
    }
}
