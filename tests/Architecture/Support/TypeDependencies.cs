using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Modular.Tests.Architecture.Support;

/// <summary>
/// Every type a type definition mentions: base type, interfaces, generic constraints, attributes (including typeof arguments),
/// fields, properties, events, method signatures and overrides, and the locals, catch clauses and IL operands of method bodies.
/// Composite types are taken apart (List&lt;DbContext&gt; yields List`1 and DbContext). Nested types are separate definitions.
/// </summary>
public static class TypeDependencies
{
    public static IReadOnlyList<TypeDependency> Of(TypeDefinition type)
    {
        var found = new Collector();
        found.Type(type.BaseType, "base type");
        found.Attributes(type, "attributes");
        found.GenericParameters(type, "generic constraints");
        foreach (var implementation in type.Interfaces)
        {
            found.Type(implementation.InterfaceType, "interfaces");
            found.Attributes(implementation, "interfaces");
        }

        foreach (var field in type.Fields)
        {
            found.Type(field.FieldType, $"field {field.Name}");
            found.Attributes(field, $"field {field.Name}");
        }

        foreach (var property in type.Properties)
        {
            found.Type(property.PropertyType, $"property {property.Name}");
            found.Attributes(property, $"property {property.Name}");
        }

        foreach (var @event in type.Events)
        {
            found.Type(@event.EventType, $"event {@event.Name}");
            found.Attributes(@event, $"event {@event.Name}");
        }

        foreach (var method in type.Methods)
        {
            found.MethodDefinition(method);
        }

        return found.Dependencies;
    }

    /// <summary>Types named by an attribute list: the attribute types, and types passed as typeof(...) arguments.</summary>
    public static IReadOnlyList<TypeDependency> OfAttributes(ICustomAttributeProvider provider, string site)
    {
        var found = new Collector();
        found.Attributes(provider, site);
        return found.Dependencies;
    }

    private sealed class Collector
    {
        public List<TypeDependency> Dependencies { get; } = [];

        public void Type(TypeReference? type, string site)
        {
            switch (type)
            {
                case null or GenericParameter:
                    return;
                case GenericInstanceType generic:
                    Type(generic.ElementType, site);
                    foreach (var argument in generic.GenericArguments)
                    {
                        Type(argument, site);
                    }

                    return;
                case IModifierType modified:
                    Type(modified.ModifierType, site);
                    Type(modified.ElementType, site);
                    return;
                case FunctionPointerType pointer:
                    Signature(pointer, site);
                    return;
                case TypeSpecification specification:
                    Type(specification.ElementType, site);
                    return;
                default:
                    Dependencies.Add(new TypeDependency(type, site));
                    return;
            }
        }

        public void Attributes(ICustomAttributeProvider provider, string site)
        {
            if (!provider.HasCustomAttributes)
            {
                return;
            }

            foreach (var attribute in provider.CustomAttributes)
            {
                Type(attribute.AttributeType, site);
                var arguments = attribute.ConstructorArguments
                    .Concat(attribute.Fields.Select(named => named.Argument))
                    .Concat(attribute.Properties.Select(named => named.Argument));
                foreach (var argument in arguments)
                {
                    Argument(argument, site);
                }
            }
        }

        public void GenericParameters(IGenericParameterProvider provider, string site)
        {
            foreach (var parameter in provider.GenericParameters)
            {
                Attributes(parameter, site);
                foreach (var constraint in parameter.Constraints)
                {
                    Type(constraint.ConstraintType, site);
                }
            }
        }

        public void MethodDefinition(MethodDefinition method)
        {
            var signature = $"signature of {method.Name}";
            Type(method.ReturnType, signature);
            Attributes(method, signature);
            Attributes(method.MethodReturnType, signature);
            GenericParameters(method, signature);
            foreach (var parameter in method.Parameters)
            {
                Type(parameter.ParameterType, signature);
                Attributes(parameter, signature);
            }

            foreach (var overridden in method.Overrides)
            {
                MethodReference(overridden, signature);
            }

            if (method.HasBody)
            {
                Body(method.Body, $"body of {method.Name}");
            }
        }

        private void Body(MethodBody body, string site)
        {
            foreach (var variable in body.Variables)
            {
                Type(variable.VariableType, site);
            }

            foreach (var handler in body.ExceptionHandlers)
            {
                Type(handler.CatchType, site);
            }

            foreach (var instruction in body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference type:
                        Type(type, site);
                        break;
                    case MethodReference method:
                        MethodReference(method, site);
                        break;
                    case FieldReference field:
                        Type(field.DeclaringType, site);
                        Type(field.FieldType, site);
                        break;
                    case CallSite callSite:
                        Signature(callSite, site);
                        break;
                }
            }
        }

        private void MethodReference(MethodReference method, string site)
        {
            Type(method.DeclaringType, site);
            Signature(method, site);
            if (method is GenericInstanceMethod generic)
            {
                foreach (var argument in generic.GenericArguments)
                {
                    Type(argument, site);
                }
            }
        }

        private void Signature(IMethodSignature signature, string site)
        {
            Type(signature.ReturnType, site);
            foreach (var parameter in signature.Parameters)
            {
                Type(parameter.ParameterType, site);
            }
        }

        private void Argument(CustomAttributeArgument argument, string site)
        {
            Type(argument.Type, site);
            switch (argument.Value)
            {
                case TypeReference type:
                    Type(type, site);
                    break;
                case CustomAttributeArgument boxed:
                    Argument(boxed, site);
                    break;
                case CustomAttributeArgument[] elements:
                    foreach (var element in elements)
                    {
                        Argument(element, site);
                    }

                    break;
            }
        }
    }
}
