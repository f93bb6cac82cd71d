using Mono.Cecil;
using Modular.Tests.Architecture.Support;

namespace Modular.Tests.Architecture.Rules;

/// <summary>
/// Rule 4: types in Modular.&lt;Module&gt;.Domain (and below) depend on no persistence, messaging or web framework, nor on the
/// module's Features or Infrastructure. Every reference is checked (signatures, attributes, IL), including in the closures and
/// state machines the compiler nests inside domain types.
/// </summary>
public static class DomainIndependenceRule
{
    /// <summary>Matched against both the assembly and the namespace of each referenced type.</summary>
    private static readonly string[] ForbiddenFrameworks =
    [
        "Microsoft.EntityFrameworkCore",
        "MassTransit",
        "MediatR",
        "Microsoft.AspNetCore",
        "Npgsql",
        // The shared infrastructure and web layers carry EF Core, MassTransit and ASP.NET in with them.
        "Modular.BuildingBlocks.Infrastructure",
        "Modular.BuildingBlocks.Web",
    ];

    public static IReadOnlyList<string> Check(AssemblyDefinition moduleAssembly, string module)
    {
        var domain = $"Modular.{module}.Domain";
        string[] forbiddenLayers = [$"Modular.{module}.Features", $"Modular.{module}.Infrastructure"];

        return moduleAssembly.MainModule.GetTypes()
            .Where(type => CecilFacts.IsInNamespace(CecilFacts.NamespaceOf(type), domain))
            .SelectMany(type => TypeDependencies.Of(type)
                .Select(dependency => (dependency, reason: Forbidden(dependency.Type, forbiddenLayers)))
                .Where(found => found.reason is not null)
                .Select(found => $"{type.FullName} depends on {found.dependency.Type.FullName} ({found.reason}) in its {found.dependency.Site}"))
            .Distinct()
            .ToList();
    }

    private static string? Forbidden(TypeReference dependency, string[] forbiddenLayers)
    {
        var @namespace = CecilFacts.NamespaceOf(dependency);
        var assembly = CecilFacts.AssemblyOf(dependency);
        var framework = ForbiddenFrameworks.FirstOrDefault(prefix => CecilFacts.IsInNamespace(assembly, prefix) || CecilFacts.IsInNamespace(@namespace, prefix));
        if (framework is not null)
        {
            return framework;
        }

        var layer = forbiddenLayers.FirstOrDefault(prefix => CecilFacts.IsInNamespace(@namespace, prefix));
        return layer is null ? null : $"the {layer[(layer.LastIndexOf('.') + 1)..]} layer";
    }
}
