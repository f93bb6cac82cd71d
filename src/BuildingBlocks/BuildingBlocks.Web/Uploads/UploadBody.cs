using Microsoft.AspNetCore.Http;

namespace Modular.BuildingBlocks.Web.Uploads;

/// <summary>
/// An upload as the <c>file</c> field of a multipart form (the console) or as the raw body
/// (<c>curl --data-binary @rows.csv -H 'Content-Type: text/csv'</c>), read into a sheet. A body far beyond
/// <c>maxBytes</c> is refused before it is read. Bearer tokens, not cookies, authenticate, so there is no form to forge.
/// </summary>
public static class UploadBody
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Content types that mark a body (or a form file) as JSON lines.</summary>
    public static readonly IReadOnlyList<string> JsonLinesTypes = ["application/x-ndjson", "application/jsonl"];

    public static async Task<UploadedSheet> ReadSheetAsync(HttpRequest request, int maxRows, long maxBytes, string unreadableCode, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            throw TooLarge(unreadableCode, maxBytes);
        }

        using var content = new MemoryStream();
        string? contentType;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            var file = form.Files.GetFile("file") ?? throw SheetReader.Unreadable(unreadableCode, "The form has no 'file' field.");
            contentType = file.FileName.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) ? JsonLinesTypes[0] : file.ContentType;
            await file.CopyToAsync(content, cancellationToken);
        }
        else
        {
            contentType = request.ContentType;
            await request.Body.CopyToAsync(content, cancellationToken);
        }

        if (content.Length == 0)
        {
            throw SheetReader.Unreadable(unreadableCode, "The upload is empty.");
        }

        if (content.Length > maxBytes)
        {
            throw TooLarge(unreadableCode, maxBytes);
        }

        var jsonLines = contentType is not null && JsonLinesTypes.Any(type => contentType.StartsWith(type, StringComparison.OrdinalIgnoreCase));
        return SheetReader.Read(content.ToArray(), maxRows, unreadableCode, jsonLines);
    }

    private static Exception TooLarge(string code, long maxBytes) =>
        SheetReader.Unreadable(code, $"An upload is at most {maxBytes / (1024 * 1024)} MB.");
}
