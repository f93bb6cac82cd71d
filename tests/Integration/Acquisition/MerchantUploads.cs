using System.Net.Http.Headers;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Modular.Tests.Integration.Acquisition;

/// <summary>The upload files of the merchant import tests: CSV files kept beside the tests, and .xlsx workbooks written as Excel writes them.</summary>
public static class MerchantUploads
{
    /// <summary>A CSV file of Uploads/, with its {placeholders} (organization ids, registration numbers) filled in.</summary>
    public static byte[] Csv(string file, IReadOnlyDictionary<string, string> values)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Acquisition", "Uploads", file), Encoding.UTF8);
        foreach (var (key, value) in values)
        {
            text = text.Replace("{" + key + "}", value);
        }

        return Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();
    }

    public static MultipartFormDataContent Form(byte[] file, string name)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(name.EndsWith(".xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
        return new MultipartFormDataContent { { content, "file", name } };
    }

    /// <summary>A cell as Excel stores it: a shared or inline string, a number, or a number shown as a percent.</summary>
    public abstract record XlsxCell;

    public sealed record Text(string Value) : XlsxCell;

    public sealed record Number(double Value) : XlsxCell;

    public sealed record Percent(double Fraction) : XlsxCell;

    /// <summary>
    /// A workbook whose first sheet has these rows; a null cell is left out of its row, as Excel leaves out empty cells,
    /// and an empty row is written as an empty row element.
    /// </summary>
    public static byte[] Xlsx(params XlsxCell?[][] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            // Style 1 is Excel's built-in percent format (numFmtId 10, "0.00%").
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font()), new Fills(new Fill()), new Borders(new Border()),
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 10, ApplyNumberFormat = true }));
            var sharedStrings = workbook.AddNewPart<SharedStringTablePart>();
            sharedStrings.SharedStringTable = new SharedStringTable();
            var worksheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var index = 0; index < rows.Length; index++)
            {
                var row = new Row { RowIndex = (uint)(index + 1) };
                for (var column = 0; column < rows[index].Length; column++)
                {
                    if (rows[index][column] is { } cell)
                    {
                        row.Append(CellOf(cell, $"{(char)('A' + column)}{index + 1}", sharedStrings.SharedStringTable));
                    }
                }

                data.Append(row);
            }

            worksheet.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = 1, Name = "가맹점" }));
        }

        return stream.ToArray();
    }

    private static Cell CellOf(XlsxCell cell, string reference, SharedStringTable strings) => cell switch
    {
        Text text => new Cell
        {
            CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(Share(strings, text.Value)),
        },
        Number number => new Cell { CellReference = reference, CellValue = new CellValue(number.Value) },
        Percent percent => new Cell { CellReference = reference, CellValue = new CellValue(percent.Fraction), StyleIndex = 1 },
        _ => throw new ArgumentOutOfRangeException(nameof(cell)),
    };

    private static int Share(SharedStringTable strings, string value)
    {
        strings.Append(new SharedStringItem(new DocumentFormat.OpenXml.Spreadsheet.Text(value)));
        return strings.Count() - 1;
    }
}
