using MassTransit;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Modular.BuildingBlocks.Web.Modules;

namespace Modular.Ordering;

public sealed class OrderingModule : IModule
{
    public string Name => "ordering";

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
