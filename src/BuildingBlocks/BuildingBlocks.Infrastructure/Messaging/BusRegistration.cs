using System.Reflection;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Modular.BuildingBlocks.Infrastructure.Settings;

namespace Modular.BuildingBlocks.Infrastructure.Messaging;

public static class BusRegistration
{
    /// <summary>One MassTransit bus on RabbitMQ (System.Text.Json, durable queues) for the whole process; each module adds its consumers and sagas.</summary>
    public static IServiceCollection AddModularBus(
        this IServiceCollection services,
        RabbitMqSettings rabbitMq,
        IReadOnlyDictionary<Assembly, string> moduleByAssembly,
        Action<IBusRegistrationConfigurator> addConsumers)
    {
        services.AddMassTransit(bus =>
        {
            // The platform never phones home (MassTransit otherwise reports its usage to masstransit.io).
            bus.DisableUsageTelemetry();
            bus.SetEndpointNameFormatter(new ModuleEndpointNameFormatter(moduleByAssembly));
            addConsumers(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(rabbitMq.Host, rabbitMq.Port, rabbitMq.VirtualHost, host =>
                {
                    host.Username(rabbitMq.User);
                    host.Password(rabbitMq.Password);
                });
                rabbit.ConfigureEndpoints(context);
            });
        });
        // Start-up waits for the bus: a host stopped while its bus is still connecting would leave that bus to start
        // later, consuming with a disposed container. A broker down at start-up fails the start loudly instead.
        services.Configure<MassTransitHostOptions>(options =>
        {
            options.WaitUntilStarted = true;
            options.StartTimeout = TimeSpan.FromSeconds(60);
            options.StopTimeout = TimeSpan.FromSeconds(30);
        });
        return services;
    }
}
