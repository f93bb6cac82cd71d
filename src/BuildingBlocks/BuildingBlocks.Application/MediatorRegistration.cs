using System.Reflection;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Modular.BuildingBlocks.Application.Behaviours;

namespace Modular.BuildingBlocks.Application;

/// <summary>MediatR 5 has no DI package: the mediator, the behaviours and each module's handlers and validators are wired here.</summary>
public static class MediatorRegistration
{
    /// <summary>The mediator and the behaviours that run around every request, outermost first.</summary>
    public static IServiceCollection AddMediator(this IServiceCollection services)
    {
        services.TryAddScoped<ServiceFactory>(provider => provider.GetService!);
        services.TryAddScoped<IMediator, Mediator>();
        // MediatR 5 nests behaviours in registration order: the first registered is the outermost.
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));
        return services;
    }

    /// <summary>Registers every request handler and validator found in a module's assembly.</summary>
    public static IServiceCollection AddHandlersAndValidators(this IServiceCollection services, Assembly assembly)
    {
        foreach (var type in assembly.GetTypes().Where(type => type is { IsAbstract: false, IsGenericTypeDefinition: false }))
        {
            foreach (var handler in type.GetInterfaces().Where(IsRequestHandler))
            {
                services.AddScoped(handler, type);
            }
        }

        // FluentValidation builds a validator's rules (expression trees) in its constructor: one without dependencies
        // is built once, not per request.
        foreach (var validator in AssemblyScanner.FindValidatorsInAssembly(assembly, includeInternalTypes: true))
        {
            services.Add(new ServiceDescriptor(validator.InterfaceType, validator.ValidatorType,
                validator.ValidatorType.GetConstructor(Type.EmptyTypes) is null ? ServiceLifetime.Scoped : ServiceLifetime.Singleton));
        }

        return services;
    }

    private static bool IsRequestHandler(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IRequestHandler<,>);
}
