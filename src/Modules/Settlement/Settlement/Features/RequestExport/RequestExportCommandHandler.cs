using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Modular.BuildingBlocks.Application.Security;
using Modular.Settlement.Domain;
using Modular.Settlement.Features.RunExports;
using Modular.Settlement.Infrastructure;
using Modular.Settlement.Infrastructure.Storage;

namespace Modular.Settlement.Features.RequestExport;

/// <summary>
/// Queues the job with one INSERT … ON CONFLICT DO NOTHING on export_jobs_one_active_per_request and answers it, or the
/// user's active job for the same filter and scope (a gateway's retry, even a concurrent one). The worker does the rest.
/// </summary>
internal sealed class RequestExportCommandHandler(
    SettlementDbContext db, ICurrentUser user, ExportSignal signal, IExportStorage storage, IOptions<SettlementOptions> options, TimeProvider clock)
    : IRequestHandler<RequestExportCommand, ExportJobView>
{
    private const int Attempts = 3;

    public async Task<ExportJobView> Handle(RequestExportCommand command, CancellationToken cancellationToken)
    {
        var scope = user.VisibleOrganization();
        var filter = JsonSerializer.Serialize(command.Filter.ToFilter());
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{scope:N}|{filter}")));
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var job = ExportJob.Request(user.UserId, scope, filter, hash, clock.GetUtcNow());
            var queued = await db.Database.ExecuteSqlAsync($"""
                INSERT INTO settlement.export_jobs (id, requested_by, organization_id, filter, filter_hash, status, created_at)
                VALUES ({job.Id}, {job.RequestedBy}, {job.OrganizationId}, {job.Filter}::jsonb, {job.FilterHash}, {job.Status}, {job.CreatedAt})
                ON CONFLICT (requested_by, filter_hash) WHERE status IN ('Queued', 'Running') DO NOTHING
                """, cancellationToken);
            if (queued == 1)
            {
                signal.Queued();
                return View(job);
            }

            // The active job may finish between the conflict and this read; then the next attempt queues a new one.
            var active = await db.ExportJobs.AsNoTracking()
                .Where(existing => existing.RequestedBy == user.UserId && existing.FilterHash == hash
                                   && (existing.Status == ExportStatus.Queued || existing.Status == ExportStatus.Running))
                .FirstOrDefaultAsync(cancellationToken);
            if (active is not null)
            {
                return View(active);
            }
        }

        throw new InvalidOperationException("The export could neither be queued nor found active.");
    }

    private ExportJobView View(ExportJob job) => ExportJobView.Of(job, storage, clock.GetUtcNow() + options.Value.Exports.LinkLifetime);
}
