using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Modular.BuildingBlocks.Application;
using Modular.BuildingBlocks.Infrastructure.Messaging.Outbox;
using Modular.BuildingBlocks.Infrastructure.Messaging.Priority;
using Modular.BuildingBlocks.Infrastructure.Persistence;

namespace Modular.BuildingBlocks.Infrastructure.Messaging;

public static class MessagingRegistration
{
    /// <summary>The in-process pipeline (logging, validation, unit of work) and the shared parts of the outbox.</summary>
    public static IServiceCollection AddMessagingBackbone(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMediator();
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(UnitOfWorkBehaviour<,>));
        services.Configure<MessagingOptions>(configuration.GetSection("Messaging"));
        services.AddSingleton<OutboxSignals>();
        // Test hosts replace the TimeProvider; hosts without one (none registered) use the system clock.
        services.AddSingleton(provider => new MessagingMetrics(provider.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddSingleton<ForegroundDemand>();
        services.AddSingleton<BackgroundGate>();
        services.AddHostedService<OutboxNotificationListener>();
        return services;
    }
}
