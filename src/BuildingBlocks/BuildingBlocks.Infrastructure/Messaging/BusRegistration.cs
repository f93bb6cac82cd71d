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
        return services;
    }
}
