using System.Text.Json;

namespace Modular.BuildingBlocks.Web.Uploads;

/// <summary>
/// JSON lines (one object per line) as a sheet: the property names, in first-seen order, are the headers, and line n is
/// row n + 1, as if a header row preceded it. A string is its text, anything else its JSON text (a number as written).
/// </summary>
internal static class JsonLines
{
    public static UploadedSheet Read(string text, int maxRows)
    {
        var objects = new List<(int Number, Dictionary<string, string> Cells)>();
        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length && objects.Count <= maxRows; index++)
        {
            if (lines[index].Trim() is { Length: > 0 } line)
            {
                objects.Add((index + 2, CellsOf(line, index + 1)));
            }
        }

        var headers = objects.SelectMany(row => row.Cells.Keys).Distinct(StringComparer.Ordinal).ToList();
        var records = objects.Select(row => (row.Number, Cells: headers.Select(header => row.Cells.GetValueOrDefault(header, "")).ToArray()));
        return SheetReader.FromRecords(records.Prepend((1, headers.ToArray())), maxRows);
    }

    private static Dictionary<string, string> CellsOf(string line, int lineNumber)
    {
        using var document = JsonDocument.Parse(line);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"Line {lineNumber} is not a JSON object.");
        }

        var cells = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            cells[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString()!,
                JsonValueKind.Null => "",
                _ => property.Value.GetRawText(),
            };
        }

        return cells;
    }
}
