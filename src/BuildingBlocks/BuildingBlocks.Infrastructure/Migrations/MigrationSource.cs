using System.Reflection;

namespace Modular.BuildingBlocks.Infrastructure.Migrations;

/// <summary>The ordered SQL files of one schema: the shared messaging tables first, then the module's own <c>Sql/*.sql</c>.</summary>
public sealed record MigrationSource(string Schema, IReadOnlyList<MigrationScript> Scripts)
{
    private const string SchemaToken = "{schema}";

    /// <summary>Reads the embedded <c>Sql/NNNN_*.sql</c> files of a module assembly, prefixed by the messaging tables every module owns.</summary>
    public static MigrationSource ForModule(string schema, Assembly moduleAssembly) =>
        new(schema, [.. ReadEmbedded(typeof(MigrationSource).Assembly, ".Sql.Messaging.", "messaging/", schema), .. ReadEmbedded(moduleAssembly, ".Sql.", "", schema)]);

    private static IEnumerable<MigrationScript> ReadEmbedded(Assembly assembly, string folderMarker, string namePrefix, string schema) =>
        assembly.GetManifestResourceNames()
            .Where(resource => resource.EndsWith(".sql", StringComparison.Ordinal) && resource.Contains(folderMarker, StringComparison.Ordinal))
            .Select(resource => (Resource: resource, FileName: resource[(resource.IndexOf(folderMarker, StringComparison.Ordinal) + folderMarker.Length)..]))
            .OrderBy(file => file.FileName, StringComparer.Ordinal)
            .Select(file => new MigrationScript(namePrefix + file.FileName, Read(assembly, file.Resource).Replace(SchemaToken, schema, StringComparison.Ordinal)));

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
