namespace Modular.Acquisition.Features.ImportMerchants;

/// <summary>
/// One refused cell: its row as the spreadsheet shows it, its column (the upload's own name) and the header text the file
/// used, the value as read, a reason code from <see cref="CellCodes"/> and a message a person can act on.
/// </summary>
internal sealed record CellError(int Row, string Column, string? Header, string? Value, string Code, string Message);
