using MassTransit;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Modular.BuildingBlocks.Web.Modules;

namespace Modular.Billing;

public sealed class BillingModule : IModule
{
    public string Name => "billing";

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
