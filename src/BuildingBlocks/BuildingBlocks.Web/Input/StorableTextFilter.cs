using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http;
using Modular.BuildingBlocks.Web.Problems;

namespace Modular.BuildingBlocks.Web.Input;

/// <summary>
/// Refuses, before any handler runs, a request carrying text PostgreSQL cannot store, anywhere: the query string, the
/// route values and every string inside the bound arguments (the JSON body with its nested records and lists). The
/// answer is 400 <c>validation.failed</c> naming each offending field, instead of a 500 from the database.
/// </summary>
internal static class StorableTextFilter
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> PropertiesByType = new();

    public static EndpointFilterDelegate Create(EndpointFilterFactoryContext factory, EndpointFilterDelegate next)
    {
        var names = factory.MethodInfo.GetParameters().Select(parameter => parameter.Name ?? "").ToArray();
        return async context =>
        {
            var failures = new List<ValidationFailure>();
            CheckRequest(context.HttpContext.Request, failures);
            for (var i = 0; i < context.Arguments.Count; i++)
            {
                Walk(context.Arguments[i], i < names.Length ? names[i] : $"argument{i}", isRoot: true, failures);
            }

            return failures.Count == 0 ? await next(context) : TypedResults.Problem(ValidationProblem.From(failures));
        };
    }

    private static void CheckRequest(HttpRequest request, List<ValidationFailure> failures)
    {
        foreach (var (key, values) in request.Query)
        {
            if (!StorableText.IsStorable(key) || values.Any(value => value is not null && !StorableText.IsStorable(value)))
            {
                failures.Add(Refused(key));
            }
        }

        foreach (var (key, value) in request.RouteValues)
        {
            if (value is string text && !StorableText.IsStorable(text))
            {
                failures.Add(Refused(key));
            }
        }
    }

    /// <summary>
    /// A bound complex object (the body) names its fields from its own root, as validation errors do; a string or a list
    /// of strings is named by its parameter (a query or route value). Only the application's own types are walked, never
    /// services or framework objects.
    /// </summary>
    private static void Walk(object? value, string path, bool isRoot, List<ValidationFailure> failures)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                if (!StorableText.IsStorable(text))
                {
                    failures.Add(Refused(path));
                }

                return;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    var keyPath = $"{path}.{entry.Key}";
                    Walk(entry.Key as string, keyPath, isRoot: false, failures);
                    Walk(entry.Value, keyPath, isRoot: false, failures);
                }

                return;
            case IEnumerable items when IsWalkable(value.GetType()):
                var index = 0;
                foreach (var item in items)
                {
                    Walk(item, $"{path}[{index++}]", isRoot: false, failures);
                }

                return;
        }

        var type = value.GetType();
        if (!IsOwnType(type))
        {
            return;
        }

        foreach (var property in PropertiesByType.GetOrAdd(type, ReadableProperties))
        {
            Walk(property.GetValue(value), isRoot ? property.Name : $"{path}.{property.Name}", isRoot: false, failures);
        }
    }

    private static bool IsWalkable(Type type) =>
        type.IsArray || type.Namespace?.StartsWith("System.Collections", StringComparison.Ordinal) == true || IsOwnType(type);

    private static bool IsOwnType(Type type) =>
        !type.IsPrimitive && !type.IsEnum && type.Assembly.GetName().Name?.StartsWith("Modular.", StringComparison.Ordinal) == true;

    private static PropertyInfo[] ReadableProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.CanRead && property.GetIndexParameters().Length == 0)
            .ToArray();

    private static ValidationFailure Refused(string field) => new(field, StorableText.Refusal);
}
