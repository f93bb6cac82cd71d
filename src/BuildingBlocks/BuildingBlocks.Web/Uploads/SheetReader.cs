using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Modular.BuildingBlocks.Domain.Errors;

namespace Modular.BuildingBlocks.Web.Uploads;

/// <summary>
/// Reads an .xlsx (recognised by its ZIP signature), JSON lines (when <c>jsonLines</c>: one object per line, its property
/// names are the headers) or a .csv upload into a <see cref="UploadedSheet"/>. A CSV is UTF-8 (with or without BOM) or,
/// failing that, CP949, which Excel on Korean Windows writes. Empty rows (a trailing one, say) are skipped; at most
/// <c>maxRows</c> data rows are read, one more tells the caller the file is too long. An unreadable file is a
/// validation problem with the caller's <c>unreadableCode</c>.
/// </summary>
public static class SheetReader
{
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];

    static SheetReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static UploadedSheet Read(byte[] content, int maxRows, string unreadableCode, bool jsonLines = false)
    {
        try
        {
            if (jsonLines)
            {
                return JsonLines.Read(Decode(content), maxRows);
            }

            return content.AsSpan().StartsWith(ZipSignature) ? ReadXlsx(content, maxRows) : ReadCsv(Decode(content), maxRows);
        }
        catch (Exception exception) when (exception is OpenXmlPackageException or InvalidDataException or CsvHelperException or FormatException
                                              or System.Text.Json.JsonException)
        {
            throw Unreadable(unreadableCode, $"The file could not be read as {(jsonLines ? "JSON lines" : ".xlsx or .csv")}: {exception.Message}");
        }
    }

    public static DomainException Unreadable(string code, string message) => new(new Error(code, message, ErrorKind.Validation));

    private static string Decode(byte[] content)
    {
        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(949).GetString(content);
        }
    }

    private static UploadedSheet ReadCsv(string text, int maxRows)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { IgnoreBlankLines = false, DetectDelimiter = true };
        using var parser = new CsvParser(new StringReader(text), configuration);
        return FromRecords(Records(parser), maxRows);

        static IEnumerable<(int Number, string[] Cells)> Records(CsvParser parser)
        {
            for (var number = 1; parser.Read(); number++)
            {
                yield return (number, parser.Record ?? []);
            }
        }
    }

    private static UploadedSheet ReadXlsx(byte[] content, int maxRows)
    {
        using var stream = new MemoryStream(content, writable: false);
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("The workbook has no sheets.");
        var firstSheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault()
                         ?? throw new InvalidDataException("The workbook has no sheets.");
        var worksheet = (WorksheetPart)workbook.GetPartById(firstSheet.Id!.Value!);
        var sharedStrings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(item => item.InnerText).ToArray() ?? [];
        var rows = worksheet.Worksheet.Descendants<Row>().Select(row => (Number: (int)(row.RowIndex?.Value ?? 0), Cells: CellsOf(row, sharedStrings)));
        return FromRecords(rows, maxRows);
    }

    /// <summary>Cells by column position; Excel leaves empty cells out of a row, so positions come from each cell's reference.</summary>
    private static string[] CellsOf(Row row, string[] sharedStrings)
    {
        var cells = new List<string>();
        foreach (var cell in row.Elements<Cell>())
        {
            var column = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
            while (cells.Count < column)
            {
                cells.Add("");
            }

            cells.Add(TextOf(cell, sharedStrings));
        }

        return cells.ToArray();
    }

    private static string TextOf(Cell cell, string[] sharedStrings)
    {
        var raw = cell.CellValue?.Text ?? "";
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(raw, out var index) && index < sharedStrings.Length ? sharedStrings[index] : "";
        }

        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? "";
        }

        // A number cell (a percent cell is the fraction, 2.5 % is 0.025) carries binary noise like 0.027500000000000004.
        return cell.DataType is null && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? Math.Round((decimal)number, 10).ToString(CultureInfo.InvariantCulture)
            : raw;
    }

    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var index = 0;
        foreach (var letter in reference.TakeWhile(char.IsAsciiLetter))
        {
            index = index * 26 + (char.ToUpperInvariant(letter) - 'A' + 1);
        }

        return index - 1;
    }

    internal static UploadedSheet FromRecords(IEnumerable<(int Number, string[] Cells)> records, int maxRows)
    {
        List<string>? headers = null;
        var rows = new List<SheetRow>();
        foreach (var (number, cells) in records)
        {
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (headers is null)
            {
                headers = cells.Select(cell => cell.Trim()).ToList();
                continue;
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var column = 0; column < headers.Count; column++)
            {
                values.TryAdd(headers[column], column < cells.Length ? cells[column].Trim() : "");
            }

            rows.Add(new SheetRow(number, values));
            if (rows.Count > maxRows)
            {
                break;
            }
        }

        return new UploadedSheet(headers ?? [], rows);
    }
}
