using System.Text;
using System.Text.RegularExpressions;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Modular.Tests.Architecture.Support;

/// <summary>The SQL an assembly carries: embedded .sql files, and string literals that read like SQL. Comments are stripped.</summary>
public static partial class SqlSources
{
    public static IEnumerable<SqlSource> Of(AssemblyDefinition assembly) => EmbeddedFiles(assembly).Concat(Literals(assembly));

    public static IEnumerable<SqlSource> EmbeddedFiles(AssemblyDefinition assembly) =>
        assembly.MainModule.Resources
            .OfType<EmbeddedResource>()
            .Where(resource => resource.Name.EndsWith(".sql", StringComparison.OrdinalIgnoreCase))
            .Select(resource => new SqlSource($"embedded {resource.Name}", WithoutComments(Encoding.UTF8.GetString(resource.GetResourceData()))));

    /// <summary>
    /// String literals (ldstr operands, and string constants, which only reach IL where they are used) that contain a SQL
    /// keyword. Other literals, such as error codes ("ordering.out_of_stock") or metric names, share the schema.name shape
    /// but are not SQL.
    /// </summary>
    public static IEnumerable<SqlSource> Literals(AssemblyDefinition assembly) =>
        assembly.MainModule.GetTypes()
            .SelectMany(type => LoadedStrings(type).Concat(StringConstants(type)))
            .Where(literal => SqlKeyword().IsMatch(literal.Text))
            .Select(literal => literal with { Text = WithoutComments(literal.Text) });

    private static IEnumerable<SqlSource> LoadedStrings(TypeDefinition type) =>
        from method in type.Methods
        where method.HasBody
        from instruction in method.Body.Instructions
        where instruction.OpCode.Code == Code.Ldstr
        select new SqlSource($"literal in {type.FullName}.{method.Name}", (string)instruction.Operand);

    private static IEnumerable<SqlSource> StringConstants(TypeDefinition type) =>
        from field in type.Fields
        where field.HasConstant && field.Constant is string
        select new SqlSource($"constant {type.FullName}.{field.Name}", (string)field.Constant);

    public static string WithoutComments(string sql) => Comment().Replace(sql, " ");

    [GeneratedRegex(@"--[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"\b(select|insert|update|delete|merge|from|join|into|create|alter|drop|truncate|copy|references|grant)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SqlKeyword();
}
