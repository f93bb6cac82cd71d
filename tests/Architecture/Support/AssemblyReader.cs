using Mono.Cecil;

namespace Modular.Tests.Architecture.Support;

/// <summary>Reads an assembly image with Cecil, without touching the file system again.</summary>
public static class AssemblyReader
{
    public static AssemblyDefinition Read(byte[] image, IAssemblyResolver? resolver = null) =>
        AssemblyDefinition.ReadAssembly(
            new MemoryStream(image, writable: false),
            new ReaderParameters { AssemblyResolver = resolver ?? new RuntimeAssemblyResolver(), ReadSymbols = false });
}
