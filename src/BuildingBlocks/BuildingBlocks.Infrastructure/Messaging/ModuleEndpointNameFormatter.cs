using System.Reflection;
using MassTransit;

namespace Modular.BuildingBlocks.Infrastructure.Messaging;

/// <summary>
/// Prefixes each receive endpoint with the module that owns the consumer or saga (<c>ordering-checkout-state</c>),
/// so two modules' consumers of the same name never share a queue, and the module's endpoint settings find them.
/// </summary>
public sealed class ModuleEndpointNameFormatter(IReadOnlyDictionary<Assembly, string> moduleByAssembly)
    : KebabCaseEndpointNameFormatter(includeNamespace: false)
{
    public override string Consumer<T>() => Prefixed<T>(base.Consumer<T>());

    public override string Saga<T>() => Prefixed<T>(base.Saga<T>());

    private string Prefixed<T>(string name) =>
        moduleByAssembly.TryGetValue(typeof(T).Assembly, out var module)
            ? $"{module}-{name}"
            : throw new InvalidOperationException($"{typeof(T).Name} does not belong to a registered module.");
}
