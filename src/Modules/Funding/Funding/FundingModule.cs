using MassTransit;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Modular.BuildingBlocks.Web.Modules;

namespace Modular.Funding;

public sealed class FundingModule : IModule
{
    public string Name => "funding";

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
