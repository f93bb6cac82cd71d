using Mono.Cecil;
using Modular.Tests.Architecture.Support;

namespace Modular.Tests.Architecture.Rules;

/// <summary>
/// Rule 7: a module's documents are written only by its projection consumers (<c>ReadModels/*Projection</c>) and read only
/// by its query handlers (<c>Features/*/…QueryHandler</c>). A type counts as touching the read store when it, or any type
/// the compiler nests inside it (closures, async state machines), mentions the store or a Marten session; writing is
/// mentioning a document session or the projection helper.
/// </summary>
public static class ReadSideAccessRule
{
    private static readonly string[] StoreTypes =
    [
        "Modular.BuildingBlocks.Infrastructure.ReadModels.ReadStore`1",
        "Marten.IQuerySession",
        "Marten.IDocumentSession",
        "Marten.IDocumentStore",
    ];

    private static readonly string[] WriteTypes =
    [
        "Marten.IDocumentSession",
        "Modular.BuildingBlocks.Infrastructure.ReadModels.DocumentProjection",
    ];

    public static IReadOnlyList<string> Check(AssemblyDefinition moduleAssembly, string module)
    {
        var readModels = $"Modular.{module}.ReadModels";
        var features = $"Modular.{module}.Features";
        return moduleAssembly.MainModule.GetTypes()
            .GroupBy(Outermost)
            .SelectMany(group =>
            {
                var mentioned = group.SelectMany(TypeDependencies.Of).Select(dependency => dependency.Type.GetElementType().FullName).ToHashSet();
                var owner = group.Key;
                var @namespace = CecilFacts.NamespaceOf(owner);
                var isProjection = CecilFacts.IsInNamespace(@namespace, readModels) && owner.Name.EndsWith("Projection", StringComparison.Ordinal);
                var isQueryHandler = CecilFacts.IsInNamespace(@namespace, features) && owner.Name.EndsWith("QueryHandler", StringComparison.Ordinal);
                var violations = new List<string>();
                if (WriteTypes.Any(mentioned.Contains) && !isProjection)
                {
                    violations.Add($"{owner.FullName} writes documents, but only projection consumers in {readModels} may");
                }
                else if (StoreTypes.Any(mentioned.Contains) && !isProjection && !isQueryHandler)
                {
                    violations.Add($"{owner.FullName} reads documents, but only query handlers in {features} may");
                }

                return violations;
            })
            .ToList();
    }

    private static TypeDefinition Outermost(TypeDefinition type) => type.DeclaringType is { } outer ? Outermost(outer) : type;
}
