using Mono.Cecil;

namespace Modular.Tests.Architecture.Support;

/// <summary>Everything in an assembly that can carry custom attributes.</summary>
public static class CustomAttributeProviders
{
    public static IEnumerable<ICustomAttributeProvider> In(AssemblyDefinition assembly)
    {
        yield return assembly;
        yield return assembly.MainModule;
        foreach (var type in assembly.MainModule.GetTypes())
        {
            foreach (var provider in In(type))
            {
                yield return provider;
            }
        }
    }

    private static IEnumerable<ICustomAttributeProvider> In(TypeDefinition type) =>
        new ICustomAttributeProvider[] { type }
            .Concat(type.GenericParameters)
            .Concat(type.Interfaces)
            .Concat(type.Fields)
            .Concat(type.Properties)
            .Concat(type.Events)
            .Concat(type.Methods)
            .Concat(type.Methods.Select(method => method.MethodReturnType))
            .Concat(type.Methods.SelectMany(method => method.Parameters))
            .Concat(type.Methods.SelectMany(method => method.GenericParameters));
}
