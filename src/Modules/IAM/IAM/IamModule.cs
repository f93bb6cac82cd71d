using MassTransit;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Modular.BuildingBlocks.Web.Modules;

namespace Modular.IAM;

public sealed class IamModule : IModule
{
    public string Name => "iam";

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
