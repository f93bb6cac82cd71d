using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Modular.Tests.Architecture.Support;

/// <summary>Every type a type depends on: base, interfaces, members' signatures, attributes and the operands of its IL.</summary>
public static class TypeReferences
{
    public static IEnumerable<TypeReference> Of(TypeDefinition type)
    {
        if (type.BaseType is not null)
        {
            yield return type.BaseType;
        }

        foreach (var reference in type.Interfaces.Select(implementation => implementation.InterfaceType)
                     .Concat(type.CustomAttributes.Select(attribute => attribute.AttributeType))
                     .Concat(type.Fields.Select(field => field.FieldType))
                     .Concat(type.Properties.Select(property => property.PropertyType)))
        {
            yield return reference;
        }

        foreach (var method in type.Methods)
        {
            yield return method.ReturnType;
            foreach (var parameter in method.Parameters)
            {
                yield return parameter.ParameterType;
            }

            if (!method.HasBody)
            {
                continue;
            }

            foreach (var operand in method.Body.Instructions.Select(instruction => instruction.Operand))
            {
                switch (operand)
                {
                    case TypeReference typeOperand:
                        yield return typeOperand;
                        break;
                    case MemberReference member when member.DeclaringType is not null:
                        yield return member.DeclaringType;
                        break;
                }
            }

            foreach (var variable in method.Body.Variables)
            {
                yield return variable.VariableType;
            }
        }

        foreach (var nested in type.NestedTypes.SelectMany(Of))
        {
            yield return nested;
        }
    }

    /// <summary>The assembly a reference lives in (generic instances by their element type).</summary>
    public static string AssemblyOf(TypeReference reference) => reference.GetElementType().Scope switch
    {
        AssemblyNameReference assembly => assembly.Name,
        ModuleDefinition module => module.Assembly.Name.Name,
        var scope => scope?.Name ?? "",
    };

    public static IEnumerable<string> StringLiterals(AssemblyDefinition assembly) =>
        assembly.MainModule.GetTypes().SelectMany(type => type.Methods).Where(method => method.HasBody)
            .SelectMany(method => method.Body.Instructions)
            .Where(instruction => instruction.OpCode == OpCodes.Ldstr)
            .Select(instruction => (string)instruction.Operand);
}
