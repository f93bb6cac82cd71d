using MassTransit;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Modular.BuildingBlocks.Infrastructure.Messaging;
using Modular.BuildingBlocks.Infrastructure.Persistence;
using Modular.BuildingBlocks.Web.Modules;

namespace Modular.Bench.Projections.Reference;

/// <summary>The reference design as a module of its own, so it consumes the same events through the same backbone.</summary>
public sealed class ReferenceProjectionModule : IModule
{
    public const string ModuleName = "benchref";

    public string Name => ModuleName;

    public void AddServices(IServiceCollection services, ModuleContext context) =>
        services.AddModuleDatabase<ReferenceDbContext>(ModuleName, context.Services.Postgres, maxPoolSize: 30);

    public void AddConsumers(IBusRegistrationConfigurator bus)
    {
        bus.AddModuleEndpoints<ReferenceDbContext>(ModuleName);
        bus.AddModuleBatchConsumer<ReferenceOrderPlacedProjection>();
        bus.AddModuleBatchConsumer<ReferenceOrderPaidProjection>();
        bus.AddModuleBatchConsumer<ReferenceOrderCancelledProjection>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
