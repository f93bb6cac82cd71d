using System.Xml.Linq;

namespace Modular.Tests.Architecture.Support;

/// <summary>The references a csproj declares directly (conditions are ignored: every declared reference counts).</summary>
public sealed record ProjectFile(
    string Path,
    IReadOnlyList<ProjectReferenceItem> ProjectReferences,
    IReadOnlyList<string> PackageReferences,
    IReadOnlyList<string> FrameworkReferences)
{
    public static ProjectFile Load(string path) => Parse(path, File.ReadAllText(path));

    public static ProjectFile Parse(string path, string xml)
    {
        var document = XDocument.Parse(xml);
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        var projectReferences = Items(document, "ProjectReference")
            .Select(item => new ProjectReferenceItem(
                item.Include,
                System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, item.Include.Replace('\\', '/'))),
                ReferencesOutputAssembly: !string.Equals(Metadata(item.Element, "ReferenceOutputAssembly"), "false", StringComparison.OrdinalIgnoreCase)))
            .ToList();
        return new(path, projectReferences, Names(document, "PackageReference"), Names(document, "FrameworkReference"));
    }

    private static List<string> Names(XDocument document, string itemType) => Items(document, itemType).Select(item => item.Include).ToList();

    // An Include may list several items separated by semicolons; Update/Remove items add no reference.
    private static IEnumerable<(XElement Element, string Include)> Items(XDocument document, string itemType) =>
        document.Descendants()
            .Where(element => element.Name.LocalName == itemType)
            .SelectMany(element => (element.Attribute("Include")?.Value ?? "")
                .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(include => (element, include)));

    // MSBuild metadata may be written as an attribute or as a child element.
    private static string? Metadata(XElement item, string name) =>
        item.Attribute(name)?.Value ?? item.Elements().FirstOrDefault(child => child.Name.LocalName == name)?.Value.Trim();
}

public sealed record ProjectReferenceItem(string Include, string FullPath, bool ReferencesOutputAssembly)
{
    public string ProjectName => Path.GetFileNameWithoutExtension(FullPath);

    /// <summary>Directory.Build.props names every assembly Modular.&lt;ProjectName&gt;.</summary>
    public string AssemblyName => "Modular." + ProjectName;
}
