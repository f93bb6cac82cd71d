using MassTransit;

namespace Modular.BuildingBlocks.Infrastructure.Messaging;

/// <summary>
/// Prefixes each receive endpoint with the module that owns the consumer or saga (from its assembly name,
/// <c>Modular.Ordering</c> → <c>ordering-</c>), so two modules' consumers of the same name never share a queue.
/// </summary>
public sealed class ModuleEndpointNameFormatter() : KebabCaseEndpointNameFormatter(includeNamespace: false)
{
    public override string Consumer<T>() => Prefixed<T>(base.Consumer<T>());

    public override string Saga<T>() => Prefixed<T>(base.Saga<T>());

    public static string ModuleOf(Type type)
    {
        var assemblyName = type.Assembly.GetName().Name ?? "app";
        var lastDot = assemblyName.LastIndexOf('.');
        return assemblyName[(lastDot + 1)..].ToLowerInvariant();
    }

    private static string Prefixed<T>(string name) => $"{ModuleOf(typeof(T))}-{name}";
}
