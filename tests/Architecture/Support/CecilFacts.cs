using Mono.Cecil;

namespace Modular.Tests.Architecture.Support;

/// <summary>Questions about Cecil types that the rules share.</summary>
public static class CecilFacts
{
    private const string CompilerGeneratedAttribute = "System.Runtime.CompilerServices.CompilerGeneratedAttribute";

    /// <summary>Like Type.IsVisible: public, and every enclosing type public too.</summary>
    public static bool IsVisible(TypeDefinition type) =>
        type.DeclaringType is null ? type.IsPublic : type.IsNestedPublic && IsVisible(type.DeclaringType);

    public static bool IsCompilerGenerated(ICustomAttributeProvider member) =>
        member.HasCustomAttributes && member.CustomAttributes.Any(attribute => attribute.AttributeType.FullName == CompilerGeneratedAttribute);

    /// <summary>Emitted by the compiler: marked so itself or nested in such a type (closures, state machines), or the &lt;Module&gt; type.</summary>
    public static bool IsCompilerEmitted(TypeDefinition type) =>
        type.Name == "<Module>" || IsCompilerGenerated(type) || (type.DeclaringType is { } outer && IsCompilerEmitted(outer));

    /// <summary>Cecil gives nested types an empty namespace; theirs is the outermost type's.</summary>
    public static string NamespaceOf(TypeReference type) => type.DeclaringType is { } outer ? NamespaceOf(outer) : type.Namespace;

    public static bool IsInNamespace(string @namespace, string root) =>
        @namespace == root || @namespace.StartsWith(root + ".", StringComparison.Ordinal);

    /// <summary>The name of the assembly a type lives in (for references, the one the metadata points at).</summary>
    public static string AssemblyOf(TypeReference type) => type.GetElementType().Scope switch
    {
        AssemblyNameReference assembly => assembly.Name,
        ModuleDefinition module => module.Assembly.Name.Name,
        ModuleReference module => module.Name,
        _ => "",
    };

    /// <summary>Whether the type, or a base class reachable through resolution, declares the interface.</summary>
    public static bool Implements(TypeDefinition type, string interfaceFullName)
    {
        for (TypeDefinition? current = type; current is not null; current = TryResolve(current.BaseType))
        {
            if (current.Interfaces.Any(implementation => implementation.InterfaceType.GetElementType().FullName == interfaceFullName))
            {
                return true;
            }
        }

        return false;
    }

    private static TypeDefinition? TryResolve(TypeReference? type)
    {
        try
        {
            return type?.Resolve();
        }
        catch (AssemblyResolutionException)
        {
            return null;
        }
    }
}
