using System.Text.RegularExpressions;
using Mono.Cecil;
using Modular.Tests.Architecture.Support;

namespace Modular.Tests.Architecture.Rules;

/// <summary>Rule 5: a module's SQL (embedded files and string literals) touches only its own schemas.</summary>
public static class SchemaOwnershipRule
{
    public static IReadOnlyList<string> Check(AssemblyDefinition assembly, string ownerSchema, IEnumerable<string> allSchemas)
    {
        var others = allSchemas.Where(schema => schema != ownerSchema).ToList();
        if (others.Count == 0)
        {
            return [];
        }

        var foreignName = new Regex($@"\b({string.Join('|', others)})(_read)?\.[a-z_]+", RegexOptions.IgnoreCase);
        return EmbeddedSql(assembly).Concat(TypeReferences.StringLiterals(assembly))
            .SelectMany(sql => foreignName.Matches(sql).Select(match => $"{assembly.Name.Name} touches another module's table: {match.Value}"))
            .Distinct()
            .ToList();
    }

    private static IEnumerable<string> EmbeddedSql(AssemblyDefinition assembly) =>
        assembly.MainModule.Resources.OfType<EmbeddedResource>()
            .Where(resource => resource.Name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(resource => new StreamReader(resource.GetResourceStream()).ReadToEnd());
}
