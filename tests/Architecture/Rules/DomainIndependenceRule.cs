using Mono.Cecil;
using Modular.Tests.Architecture.Support;

namespace Modular.Tests.Architecture.Rules;

/// <summary>Rule 4: Domain/ types depend on no framework (EF Core, MassTransit, MediatR, ASP.NET) and not on Features/ or Infrastructure/.</summary>
public static class DomainIndependenceRule
{
    private static readonly string[] ForbiddenAssemblyPrefixes = ["Microsoft.EntityFrameworkCore", "MassTransit", "MediatR", "Microsoft.AspNetCore"];

    public static IReadOnlyList<string> Check(AssemblyDefinition assembly, string module)
    {
        var domain = $"Modular.{module}.Domain";
        var forbiddenNamespaces = new[] { $"Modular.{module}.Features", $"Modular.{module}.Infrastructure" };
        return assembly.MainModule.GetTypes()
            .Where(type => type.Namespace == domain || type.Namespace.StartsWith(domain + ".", StringComparison.Ordinal))
            .SelectMany(type => TypeReferences.Of(type)
                .Where(reference => ForbiddenAssemblyPrefixes.Any(prefix => TypeReferences.AssemblyOf(reference).StartsWith(prefix, StringComparison.Ordinal))
                    || forbiddenNamespaces.Any(forbidden => reference.GetElementType().Namespace.StartsWith(forbidden, StringComparison.Ordinal)))
                .Select(reference => $"{type.FullName} depends on {reference.GetElementType().FullName}"))
            .Distinct()
            .ToList();
    }
}
