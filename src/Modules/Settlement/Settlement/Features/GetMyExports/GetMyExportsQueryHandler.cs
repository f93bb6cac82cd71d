using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Modular.BuildingBlocks.Application.Paging;
using Modular.BuildingBlocks.Application.Security;
using Modular.Settlement.Infrastructure;
using Modular.Settlement.Infrastructure.Storage;

namespace Modular.Settlement.Features.GetMyExports;

/// <summary>
/// The caller's export queue, newest first, keyset on the time-ordered id (served by export_jobs_by_user); a
/// PlatformAdmin sees every user's jobs (the primary key serves that order).
/// </summary>
internal sealed class GetMyExportsQueryHandler(
    SettlementDbContext db, ICurrentUser user, IExportStorage storage, IOptions<SettlementOptions> options, TimeProvider clock)
    : IRequestHandler<GetMyExportsQuery, KeysetPage<ExportJobView>>
{
    public async Task<KeysetPage<ExportJobView>> Handle(GetMyExportsQuery query, CancellationToken cancellationToken)
    {
        // Version 7 ids order by creation; SQL compares uuids, C# cannot say `<` on them.
        var jobs = (query.Before is { } before
            ? db.ExportJobs.FromSql($"SELECT * FROM settlement.export_jobs WHERE id < {before}")
            : db.ExportJobs).AsNoTracking();
        if (!user.IsInRole(Roles.PlatformAdmin))
        {
            jobs = jobs.Where(job => job.RequestedBy == user.UserId);
        }

        var page = await jobs.OrderByDescending(job => job.Id).Take(query.Limit).ToListAsync(cancellationToken);
        var linkExpiresAt = clock.GetUtcNow() + options.Value.Exports.LinkLifetime;
        return KeysetPage<ExportJobView>.Of(page, query.Limit, job => job.Id, job => ExportJobView.Of(job, storage, linkExpiresAt));
    }
}
