using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Modular.BuildingBlocks.Application.Security;
using Modular.Settlement.Infrastructure;
using Modular.Settlement.Infrastructure.Storage;

namespace Modular.Settlement.Features.GetExport;

/// <summary>
/// A job from its write row (its user polls it right after the 202): its own user's, or any for a PlatformAdmin; another
/// user's job is 404. Each answer of a Ready job carries a newly signed link, so an expired link is re-issued by asking again.
/// </summary>
internal sealed class GetExportQueryHandler(
    SettlementDbContext db, ICurrentUser user, IExportStorage storage, IOptions<SettlementOptions> options, TimeProvider clock)
    : IRequestHandler<GetExportQuery, ExportJobView>
{
    public async Task<ExportJobView> Handle(GetExportQuery query, CancellationToken cancellationToken)
    {
        var job = await db.ExportJobs.AsNoTracking().FirstOrDefaultAsync(job => job.Id == query.JobId, cancellationToken);
        if (job is null || !(job.RequestedBy == user.UserId || user.IsInRole(Roles.PlatformAdmin)))
        {
            throw ExportErrors.NotFound(query.JobId);
        }

        return ExportJobView.Of(job, storage, clock.GetUtcNow() + options.Value.Exports.LinkLifetime);
    }
}
