namespace Modular.BuildingBlocks.Web.Uploads;

/// <summary>
/// One refused cell of an upload: its row as the spreadsheet shows it (the header is row 1; a JSON line's number plus
/// one), its column (the upload's own name) and the header text the file used, the value as read, a stable reason code
/// and a message a person can act on.
/// </summary>
public sealed record CellError(int Row, string Column, string? Header, string? Value, string Code, string Message);
