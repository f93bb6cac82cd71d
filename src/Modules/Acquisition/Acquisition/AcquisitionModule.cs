using MassTransit;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Modular.BuildingBlocks.Web.Modules;

namespace Modular.Acquisition;

public sealed class AcquisitionModule : IModule
{
    public string Name => "acquisition";

    public void AddServices(IServiceCollection services, ModuleContext context)
    {
    }

    public void AddConsumers(IBusRegistrationConfigurator bus)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
