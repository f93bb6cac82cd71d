using Marten;

namespace Modular.BuildingBlocks.Infrastructure.ReadModels;

/// <summary>
/// A module's store serves the documents the module declared, nothing else. Marten maps any type it is asked about
/// (and would create its table), so a query or write of another module's document, or of an undeclared one, throws
/// when Marten first maps it.
/// </summary>
internal static class DocumentOwnership
{
    public static void Enforce(StoreOptions options, IReadOnlySet<Type> declared)
    {
        var schema = options.DatabaseSchemaName;
        options.Policies.ForAllDocuments(mapping =>
        {
            // Marten maps its own types (events, progress) too; only the application's types are checked.
            if (IsApplicationType(mapping.DocumentType) && !declared.Contains(mapping.DocumentType))
            {
                throw new DocumentNotOwnedException(schema, mapping.DocumentType);
            }
        });
    }

    private static bool IsApplicationType(Type type) => type.Assembly.GetName().Name?.StartsWith("Modular.", StringComparison.Ordinal) == true;
}

public sealed class DocumentNotOwnedException(string schema, Type documentType)
    : InvalidOperationException(
        $"The read store {schema} does not own documents of type {documentType.FullName} ({documentType.Assembly.GetName().Name}): " +
        "a store serves only the documents its module declares.");
