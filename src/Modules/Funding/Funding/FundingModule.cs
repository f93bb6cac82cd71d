using MassTransit;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Modular.Acquisition.Contracts;
using Modular.BuildingBlocks.Infrastructure.Messaging;
using Modular.BuildingBlocks.Infrastructure.Persistence;
using Modular.BuildingBlocks.Infrastructure.ReadModels;
using Modular.BuildingBlocks.Web.Modules;
using Modular.Funding.Contracts;
using Modular.Funding.Features.CancelPledge;
using Modular.Funding.Features.CloseProjects;
using Modular.Funding.Features.CreateProject;
using Modular.Funding.Features.EditProject;
using Modular.Funding.Features.GetMyPledges;
using Modular.Funding.Features.GetPledge;
using Modular.Funding.Features.GetProject;
using Modular.Funding.Features.OpenProject;
using Modular.Funding.Features.PlacePledge;
using Modular.Funding.Features.PlacePledge.Batching;
using Modular.Funding.Features.PledgeSaga;
using Modular.Funding.Features.SearchProjectPledges;
using Modular.Funding.Features.SearchProjects;
using Modular.Funding.Infrastructure;
using Modular.Funding.ReadModels;

namespace Modular.Funding;

public sealed class FundingModule : IModule
{
    public const string ModuleName = "funding";

    /// <summary>
    /// Write pool: requests need few connections (the batcher one per batch, project lookups, cancels); half of it is the
    /// consumers' and sagas' budget. With the read pool, 20 per instance; see docs/modules/funding.md for the sum over modules.
    /// </summary>
    public const int WritePoolSize = 15;

    public const int ReadPoolSize = 5;

    public string Name => ModuleName;

    public void AddServices(IServiceCollection services, ModuleContext context)
    {
        services.AddModuleDatabase<FundingDbContext>(ModuleName, context.Services.Postgres, WritePoolSize);
        services.AddUniqueConstraintErrors(ModuleName, new Dictionary<string, BuildingBlocks.Domain.Errors.Error>
        {
            ["pledges_one_live_per_backer"] = PledgeErrors.AlreadyPledged,
        });
        services.Configure<FundingOptions>(context.Configuration.GetSection(FundingOptions.Section));
        services.AddSingleton<OpenProjects>();
        services.AddSingleton<FundingMetrics>();
        services.AddSingleton<PledgeBatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<PledgeBatcher>());
        services.AddScoped<CompletePledgeActivity>();
        services.AddScoped<FailPledgeActivity<PaymentDeclined>>();
        services.AddScoped<FailPledgeActivity<PledgePaymentTimedOut>>();
        services.AddHostedService<PledgePaymentTimeoutWorker>();
        services.AddHostedService<ProjectCloseWorker>();
        services.AddReadStore<FundingDbContext>(
            ModuleName, context.Services.Postgres, context.Configuration["Funding:ReadConnectionString"], ReadPoolSize, FundingReadStore.Declare);
    }

    public void AddConsumers(IBusRegistrationConfigurator bus)
    {
        bus.AddModuleEndpoints<FundingDbContext>(ModuleName);
        bus.AddModuleSaga<PledgeStateMachine, PledgeState, FundingDbContext>();
        bus.AddModuleBatchConsumer<ProjectChangedProjection>();
        bus.AddModuleBatchConsumer<ProjectTotalsProjection>();
        bus.AddModuleBatchConsumer<PledgeProjection>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapCreateProject();
        endpoints.MapEditProject();
        endpoints.MapOpenProject();
        endpoints.MapSearchProjects();
        endpoints.MapGetProject();
        endpoints.MapSearchProjectPledges();
        endpoints.MapPlacePledge();
        endpoints.MapGetMyPledges();
        endpoints.MapGetPledge();
        endpoints.MapCancelPledge();
    }
}
