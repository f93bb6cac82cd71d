using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Modular.Acquisition.Features.ImportMerchants;

/// <summary>Empty upload templates: the header row in column order, as .csv (UTF-8 with BOM, so Excel shows Korean) and .xlsx.</summary>
internal static class MerchantTemplate
{
    public static byte[] Csv() => Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(string.Join(",", MerchantColumns.InOrder) + "\r\n")).ToArray();

    public static byte[] Xlsx()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var worksheet = workbook.AddNewPart<WorksheetPart>();
            var header = new Row { RowIndex = 1 };
            header.Append(MerchantColumns.InOrder.Select(column => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(column)) }));
            worksheet.Worksheet = new Worksheet(new SheetData(header));
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = 1, Name = "merchants" }));
        }

        return stream.ToArray();
    }
}
