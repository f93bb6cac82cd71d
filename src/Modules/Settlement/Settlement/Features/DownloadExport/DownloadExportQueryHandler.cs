using MediatR;
using Microsoft.EntityFrameworkCore;
using Modular.Settlement.Domain;
using Modular.Settlement.Infrastructure;
using Modular.Settlement.Infrastructure.Storage;

namespace Modular.Settlement.Features.DownloadExport;

/// <summary>Checks the link (signature first, then expiry) and opens the file of a Ready job; nothing else is served.</summary>
internal sealed class DownloadExportQueryHandler(SettlementDbContext db, ExportLinkSignature signature, IExportStorage storage, TimeProvider clock)
    : IRequestHandler<DownloadExportQuery, ExportContent>
{
    public async Task<ExportContent> Handle(DownloadExportQuery query, CancellationToken cancellationToken)
    {
        if (!signature.IsValid(query.JobId, query.Expires, query.Signature))
        {
            throw ExportErrors.LinkInvalid();
        }

        if (clock.GetUtcNow().ToUnixTimeSeconds() > query.Expires)
        {
            throw ExportErrors.LinkExpired();
        }

        var job = await db.ExportJobs.AsNoTracking().FirstOrDefaultAsync(job => job.Id == query.JobId, cancellationToken);
        if (job is not { Status: ExportStatus.Ready, FileKey: { } key, FileName: { } name, ContentType: { } contentType })
        {
            throw ExportErrors.FileGone(query.JobId);
        }

        return new ExportContent(await storage.OpenReadAsync(key, cancellationToken), contentType, name);
    }
}
