using MassTransit;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Modular.BuildingBlocks.Web.Modules;

/// <summary>
/// A module's single entry point: everything the Host composes (services, endpoints, consumers and sagas, SQL
/// migrations) goes through it, so the Host never sees a module's internals.
/// </summary>
public interface IModule
{
    /// <summary>Lower-case module name; also its database schema, its route prefix and its queue-name prefix.</summary>
    string Name { get; }

    void AddServices(IServiceCollection services, ModuleContext context);

    void AddConsumers(IBusRegistrationConfigurator bus);

    void MapEndpoints(IEndpointRouteBuilder endpoints);
}
