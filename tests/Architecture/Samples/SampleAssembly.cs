using System.Text;
using Mono.Cecil;
using Mono.Cecil.Cil;
using Modular.Tests.Architecture.Support;

namespace Modular.Tests.Architecture.Samples;

/// <summary>
/// Builds a small assembly in memory for a rule's negative test. Foreign types are referenced by name, so nothing has to be
/// loadable; <see cref="Build"/> writes the image and reads it back, so rules see real metadata tables.
/// </summary>
public sealed class SampleAssembly
{
    private readonly AssemblyDefinition _assembly;

    public SampleAssembly(string name) =>
        _assembly = AssemblyDefinition.CreateAssembly(new AssemblyNameDefinition(name, new Version(1, 0, 0, 0)), name, ModuleKind.Dll);

    public ModuleDefinition Module => _assembly.MainModule;

    public TypeDefinition AddType(string @namespace, string name, TypeAttributes visibility = TypeAttributes.NotPublic, TypeReference? baseType = null)
    {
        var type = new TypeDefinition(@namespace, name, visibility | TypeAttributes.Class, baseType ?? Module.TypeSystem.Object);
        Module.Types.Add(type);
        return type;
    }

    public TypeDefinition AddNestedType(TypeDefinition outer, string name, TypeAttributes visibility = TypeAttributes.NestedPrivate)
    {
        var type = new TypeDefinition("", name, visibility | TypeAttributes.Class, Module.TypeSystem.Object);
        outer.NestedTypes.Add(type);
        return type;
    }

    /// <summary>A reference to a type in another assembly, which is added to the assembly references.</summary>
    public TypeReference ExternalType(string assembly, string @namespace, string name, bool isValueType = false)
    {
        var scope = AssemblyReference(assembly);
        return new TypeReference(@namespace, name, Module, scope, isValueType);
    }

    public AssemblyNameReference AssemblyReference(string assembly)
    {
        var existing = Module.AssemblyReferences.FirstOrDefault(reference => reference.Name == assembly);
        if (existing is not null)
        {
            return existing;
        }

        var reference = new AssemblyNameReference(assembly, new Version(1, 0, 0, 0));
        Module.AssemblyReferences.Add(reference);
        return reference;
    }

    public FieldDefinition AddField(TypeDefinition type, string name, TypeReference fieldType, FieldAttributes attributes = FieldAttributes.Private)
    {
        var field = new FieldDefinition(name, attributes, fieldType);
        type.Fields.Add(field);
        return field;
    }

    public MethodDefinition AddMethod(TypeDefinition type, string name, TypeReference? returnType = null, Action<ILProcessor>? body = null,
        MethodAttributes attributes = MethodAttributes.Public | MethodAttributes.HideBySig)
    {
        var method = new MethodDefinition(name, attributes, returnType ?? Module.TypeSystem.Void);
        type.Methods.Add(method);
        var il = method.Body.GetILProcessor();
        body?.Invoke(il);
        il.Emit(OpCodes.Ret);
        return method;
    }

    /// <summary>A method that only loads the literal (and discards it).</summary>
    public MethodDefinition AddStringLiteral(TypeDefinition type, string methodName, string literal) =>
        AddMethod(type, methodName, body: il =>
        {
            il.Emit(OpCodes.Ldstr, literal);
            il.Emit(OpCodes.Pop);
        });

    /// <summary>A call to a method of a referenced type, as code that uses the type would compile to.</summary>
    public MethodReference MethodOn(TypeReference declaringType, string name, TypeReference? returnType = null, bool hasThis = false) =>
        new(name, returnType ?? Module.TypeSystem.Void, declaringType) { HasThis = hasThis };

    public void AddAttribute(ICustomAttributeProvider target, TypeReference attributeType, params CustomAttributeArgument[] arguments)
    {
        var constructor = new MethodReference(".ctor", Module.TypeSystem.Void, attributeType) { HasThis = true };
        foreach (var argument in arguments)
        {
            constructor.Parameters.Add(new ParameterDefinition(argument.Type));
        }

        var attribute = new CustomAttribute(constructor);
        foreach (var argument in arguments)
        {
            attribute.ConstructorArguments.Add(argument);
        }

        target.CustomAttributes.Add(attribute);
    }

    public void MarkCompilerGenerated(ICustomAttributeProvider target) =>
        AddAttribute(target, ExternalType("System.Runtime", "System.Runtime.CompilerServices", "CompilerGeneratedAttribute"));

    public void EmbedResource(string name, string content) =>
        Module.Resources.Add(new EmbeddedResource(name, ManifestResourceAttributes.Public, Encoding.UTF8.GetBytes(content)));

    public AssemblyDefinition Build()
    {
        using var image = new MemoryStream();
        _assembly.Write(image);
        return AssemblyReader.Read(image.ToArray());
    }
}
