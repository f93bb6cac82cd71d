using Mono.Cecil;
using Modular.Tests.Architecture.Support;

namespace Modular.Tests.Architecture.Rules;

/// <summary>
/// Rule 2: a Contracts assembly holds public sealed records only, immutable (init, never set) and without logic (nothing but
/// constructors and the members the compiler writes for records and auto-properties), and depends on nothing but the BCL,
/// MediatR and BuildingBlocks.Application — other modules compile against it, so whatever it references they inherit.
/// </summary>
public static class ContractsRule
{
    private const string IsExternalInit = "System.Runtime.CompilerServices.IsExternalInit";

    private static readonly string[] AllowedAssemblies = ["netstandard", "mscorlib", "MediatR", "MediatR.Contracts", "Modular.BuildingBlocks.Application"];

    /// <summary>What the compiler writes for a record, besides constructors and property accessors.</summary>
    private static readonly string[] RecordMembers =
        ["<Clone>$", "get_EqualityContract", "PrintMembers", "ToString", "GetHashCode", "Equals", "op_Equality", "op_Inequality", "Deconstruct"];

    public static IReadOnlyList<string> Check(AssemblyDefinition contracts) =>
    [
        .. CheckReferences(contracts),
        .. contracts.MainModule.GetTypes().Where(type => !CecilFacts.IsCompilerEmitted(type)).SelectMany(CheckType),
    ];

    public static IReadOnlyList<string> CheckReferences(AssemblyDefinition contracts) =>
        contracts.MainModule.AssemblyReferences
            .Select(reference => reference.Name)
            .Where(name => !IsAllowedReference(name))
            .Select(name => $"{contracts.Name.Name} references {name}: Contracts may depend only on the BCL, MediatR and Modular.BuildingBlocks.Application")
            .ToList();

    public static IReadOnlyList<string> CheckType(TypeDefinition type)
    {
        var violations = new List<string>();
        if (!CecilFacts.IsVisible(type))
        {
            violations.Add($"{type.FullName} is not public");
        }

        if (!type.IsSealed)
        {
            violations.Add($"{type.FullName} is not sealed");
        }

        if (!IsRecord(type))
        {
            violations.Add($"{type.FullName} is not a record");
        }

        violations.AddRange(type.Properties
            .Where(property => property.SetMethod is { IsPublic: true } setter && !IsInitOnly(setter))
            .Select(property => $"{type.FullName}.{property.Name} has a public setter: use init"));
        violations.AddRange(type.Fields
            .Where(field => field.IsPublic && !field.IsInitOnly && !field.IsLiteral)
            .Select(field => $"{type.FullName}.{field.Name} is a mutable public field"));
        violations.AddRange(type.Methods
            .Where(method => !method.IsConstructor && !IsGeneratedRecordMember(method))
            .Select(method => $"{type.FullName}.{method.Name} is logic: Contracts carry data only"));
        return violations;
    }

    private static bool IsAllowedReference(string name) =>
        name == "System" || name.StartsWith("System.", StringComparison.Ordinal) || AllowedAssemblies.Contains(name, StringComparer.Ordinal);

    // A record class has the compiler's <Clone>$ (users cannot name a method so); a record struct has no clone, but a generated PrintMembers.
    private static bool IsRecord(TypeDefinition type) =>
        type.Methods.Any(method => method.Name == "<Clone>$")
        || (type.IsValueType && type.Methods.Any(method => method.Name == "PrintMembers" && CecilFacts.IsCompilerGenerated(method)));

    // An init accessor returns void modreq(IsExternalInit); a set accessor returns plain void.
    private static bool IsInitOnly(MethodDefinition setter) =>
        setter.ReturnType is RequiredModifierType { ModifierType.FullName: IsExternalInit };

    // Auto-property accessors and record members carry [CompilerGenerated]; hand-written bodies (computed properties, overrides) do not.
    private static bool IsGeneratedRecordMember(MethodDefinition method) =>
        CecilFacts.IsCompilerGenerated(method) && (method.IsGetter || method.IsSetter || RecordMembers.Contains(method.Name, StringComparer.Ordinal));
}
