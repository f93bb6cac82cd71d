using Mono.Cecil;
using Modular.Tests.Architecture.Support;

namespace Modular.Tests.Architecture.Samples;

/// <summary>Cecil's view of the sample types compiled into this test assembly.</summary>
public static class CompiledSamples
{
    public static TypeDefinition Definition(Type type)
    {
        var assembly = AssemblyReader.Read(File.ReadAllBytes(typeof(CompiledSamples).Assembly.Location));
        return assembly.MainModule.GetType(type.FullName!.Replace('+', '/'))
            ?? throw new InvalidOperationException($"{type.FullName} not found in {assembly.Name.Name}");
    }
}
