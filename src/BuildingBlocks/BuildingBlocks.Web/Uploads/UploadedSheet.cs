namespace Modular.BuildingBlocks.Web.Uploads;

/// <summary>
/// An uploaded sheet: its header texts and its non-empty rows of cells keyed by header text. Rows are numbered as the
/// spreadsheet shows them (the header is row 1), so a refusal points at the row a person sees.
/// </summary>
public sealed record UploadedSheet(IReadOnlyList<string> Headers, IReadOnlyList<SheetRow> Rows);

public sealed record SheetRow(int Number, IReadOnlyDictionary<string, string> Cells);
