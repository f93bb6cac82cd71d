using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Modular.Tests.Architecture.Support;

/// <summary>Builds small violating assemblies in memory for the rules' negative tests.</summary>
public sealed class SampleAssembly
{
    private readonly AssemblyDefinition _assembly;

    public SampleAssembly(string name) =>
        _assembly = AssemblyDefinition.CreateAssembly(new AssemblyNameDefinition(name, new Version(1, 0)), name, ModuleKind.Dll);

    private ModuleDefinition Module => _assembly.MainModule;

    public TypeDefinition AddType(string @namespace, string name, TypeAttributes visibility = TypeAttributes.Public, TypeReference? baseType = null)
    {
        var type = new TypeDefinition(@namespace, name, visibility | TypeAttributes.Class, baseType ?? Module.TypeSystem.Object);
        Module.Types.Add(type);
        return type;
    }

    public TypeReference ExternalType(string assembly, string @namespace, string name)
    {
        var scope = new AssemblyNameReference(assembly, new Version(1, 0));
        Module.AssemblyReferences.Add(scope);
        return new TypeReference(@namespace, name, Module, scope);
    }

    public void AddStringLiteral(TypeDefinition type, string literal)
    {
        var method = new MethodDefinition("Sql", MethodAttributes.Public | MethodAttributes.Static, Module.TypeSystem.String);
        var il = method.Body.GetILProcessor();
        il.Emit(OpCodes.Ldstr, literal);
        il.Emit(OpCodes.Ret);
        type.Methods.Add(method);
    }

    public void AddField(TypeDefinition type, string name, TypeReference fieldType) =>
        type.Fields.Add(new FieldDefinition(name, FieldAttributes.Private, fieldType));

    public void AddPublicSetter(TypeDefinition type, string name)
    {
        var setter = new MethodDefinition($"set_{name}", MethodAttributes.Public | MethodAttributes.SpecialName, Module.TypeSystem.Void);
        setter.Parameters.Add(new ParameterDefinition(Module.TypeSystem.String));
        setter.Body.GetILProcessor().Emit(OpCodes.Ret);
        type.Methods.Add(setter);
        var property = new PropertyDefinition(name, PropertyAttributes.None, Module.TypeSystem.String) { SetMethod = setter };
        type.Properties.Add(property);
    }

    public AssemblyDefinition Build()
    {
        using var stream = new MemoryStream();
        _assembly.Write(stream);
        stream.Position = 0;
        return AssemblyDefinition.ReadAssembly(new MemoryStream(stream.ToArray()));
    }
}
