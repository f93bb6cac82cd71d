using System.Text.RegularExpressions;
using Mono.Cecil;
using Mono.Cecil.Cil;
using Modular.Tests.Architecture.Support;

namespace Modular.Tests.Architecture.Rules;

/// <summary>
/// Rule 5: a module's SQL (embedded .sql files and SQL string literals) names no other module's schema (&lt;m&gt; or &lt;m&gt;_read),
/// and everything it creates is qualified with one of its own schemas — {schema}, which the migrator replaces with the module's
/// schema, counts as its own. EF mappings that name another module's schema (ToTable("x", "billing")) are caught too.
/// </summary>
public static partial class SchemaOwnershipRule
{
    private const string SchemaToken = "{schema}";

    /// <summary>An optionally schema-qualified, optionally quoted name; {schema} is the migrator's placeholder.</summary>
    private const string QualifiedName = """(?<name>"?[\w${}]+"?(?:\."?[\w$]+"?)?)""";

    /// <summary>EF Core calls whose string arguments include a schema.</summary>
    private static readonly string[] SchemaTakingMethods = ["ToTable", "SplitToTable", "ToView", "SplitToView", "ToFunction", "HasDefaultSchema", "HasSequence"];

    public static IReadOnlyList<string> Check(AssemblyDefinition moduleAssembly, string module, IReadOnlyCollection<string> allModules)
    {
        string[] ownSchemas = [ModuleConventions.Schema(module), ModuleConventions.ReadSchema(module), SchemaToken];
        var foreignSchemas = allModules
            .Where(other => other != module)
            .SelectMany(other => new[] { ModuleConventions.Schema(other), ModuleConventions.ReadSchema(other) })
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        var violations = new List<string>();
        foreach (var sql in SqlSources.Of(moduleAssembly))
        {
            violations.AddRange(ForeignNames(sql, foreignSchemas));
            violations.AddRange(CreatedObjectsOutside(sql, ownSchemas));
        }

        violations.AddRange(ForeignSchemaArguments(moduleAssembly, foreignSchemas));
        return violations.Distinct().ToList();
    }

    private static IEnumerable<string> ForeignNames(SqlSource sql, IReadOnlySet<string> foreignSchemas) =>
        foreignSchemas.Count == 0
            ? []
            : ForeignName(foreignSchemas).Matches(sql.Text)
                .Select(match => $"{sql.Location}: {match.Value} is in another module's schema ({Unquote(match.Groups["schema"].Value)})");

    // Not preceded by a word character or a dot, so "Modular.Billing.Contracts" or "x.billing.y" are not schema names.
    private static Regex ForeignName(IEnumerable<string> foreignSchemas) => new(
        $"""(?<![\w$."])(?<schema>"?(?:{string.Join('|', foreignSchemas.Select(Regex.Escape))})"?)\."?[a-z_][\w$]*"?""",
        RegexOptions.IgnoreCase);

    private static IEnumerable<string> CreatedObjectsOutside(SqlSource sql, string[] ownSchemas)
    {
        foreach (Match created in CreatedObject().Matches(sql.Text).Concat(CreatedIndex().Matches(sql.Text)))
        {
            if (created.Groups["temporary"].Success)
            {
                continue;
            }

            var name = created.Groups["name"].Value;
            var dot = name.IndexOf('.');
            if (dot < 0)
            {
                yield return $"{sql.Location}: {created.Value.Trim()} — {name} is not schema-qualified; qualify it with {string.Join(" or ", ownSchemas)}";
            }
            else if (!ownSchemas.Contains(Unquote(name[..dot]), StringComparer.OrdinalIgnoreCase))
            {
                yield return $"{sql.Location}: {created.Value.Trim()} — {name} is outside the module's schemas ({string.Join(", ", ownSchemas)})";
            }
        }

        foreach (Match schema in CreatedSchema().Matches(sql.Text))
        {
            if (!ownSchemas.Contains(Unquote(schema.Groups["name"].Value), StringComparer.OrdinalIgnoreCase))
            {
                yield return $"{sql.Location}: {schema.Value.Trim()} creates a schema the module does not own";
            }
        }
    }

    private static IEnumerable<string> ForeignSchemaArguments(AssemblyDefinition moduleAssembly, IReadOnlySet<string> foreignSchemas) =>
        from type in moduleAssembly.MainModule.GetTypes()
        from method in type.Methods
        where method.HasBody
        from instruction in method.Body.Instructions
        where instruction.OpCode.Code == Code.Ldstr && foreignSchemas.Contains((string)instruction.Operand)
        let call = NextCall(instruction)
        where call is not null && SchemaTakingMethods.Contains(call.Name, StringComparer.Ordinal)
        select $"literal in {type.FullName}.{method.Name}: {call.Name}(..., \"{instruction.Operand}\") maps to another module's schema";

    private static MethodReference? NextCall(Instruction instruction)
    {
        for (var next = instruction.Next; next is not null; next = next.Next)
        {
            if (next.OpCode.Code is Code.Call or Code.Callvirt)
            {
                return next.Operand as MethodReference;
            }
        }

        return null;
    }

    private static string Unquote(string identifier) => identifier.Trim('"');

    [GeneratedRegex(
        $"""\bcreate\s+(?:or\s+replace\s+)?(?:(?:global|local)\s+)?(?<temporary>temp(?:orary)?\s+)?(?:unlogged\s+)?(?:table|materialized\s+view|view|sequence|function|procedure|type)\s+(?:if\s+not\s+exists\s+)?{QualifiedName}""",
        RegexOptions.IgnoreCase)]
    private static partial Regex CreatedObject();

    // Index names cannot be qualified (an index lives in its table's schema), so the table after ON is what counts.
    [GeneratedRegex(
        $"""\bcreate\s+(?:unique\s+)?index\s+(?:concurrently\s+)?(?:if\s+not\s+exists\s+)?(?:(?!on\b)"?[\w$]+"?\s+)?on\s+(?:only\s+)?{QualifiedName}""",
        RegexOptions.IgnoreCase)]
    private static partial Regex CreatedIndex();

    [GeneratedRegex("""\bcreate\s+schema\s+(?:if\s+not\s+exists\s+)?(?<name>"?[\w${}]+"?)""", RegexOptions.IgnoreCase)]
    private static partial Regex CreatedSchema();
}
