using Modular.Settlement.Domain;
using Modular.Settlement.Infrastructure.Storage;

namespace Modular.Settlement.Features;

/// <summary>
/// A job as its user's export queue shows it. <see cref="Download"/> is a freshly signed link while the file is Ready:
/// asking again after a link expired issues a new one for the same file.
/// </summary>
internal sealed record ExportJobView(
    Guid Id,
    string Status,
    long? RowsCounted,
    long RowsWritten,
    long? SizeBytes,
    string? FileName,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? ExpiresAt,
    ExportDownload? Download)
{
    public static ExportJobView Of(ExportJob job, IExportStorage storage, DateTimeOffset linkExpiresAt) => new(
        job.Id, job.Status, job.RowsCounted, job.RowsWritten, job.SizeBytes, job.FileName, job.Error, job.CreatedAt, job.CompletedAt, job.ExpiresAt,
        job is { Status: ExportStatus.Ready, FileKey: { } key, FileName: { } name }
            ? new ExportDownload(storage.Link(job.Id, key, name, linkExpiresAt).ToString(), linkExpiresAt)
            : null);
}

internal sealed record ExportDownload(string Url, DateTimeOffset ExpiresAt);
