using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Modular.BuildingBlocks.Infrastructure.Messaging.Outbox;
using Modular.Funding.Domain;
using Modular.Funding.Infrastructure;

namespace Modular.Funding.Features.CloseProjects;

/// <summary>
/// Closes Open projects once their deadline (plus <see cref="FundingOptions.CloseGrace"/>) has passed on the DI clock:
/// Succeeded when the Completed pledges reach the goal, else Failed, and then every live pledge is refunded in the same
/// transaction (<see cref="FailedProjectRefunds"/>). SKIP LOCKED lets every instance run it; each project is closed by one.
/// </summary>
internal sealed class ProjectCloseWorker(
    IServiceScopeFactory scopes, OutboxSignals outboxSignals, IOptions<FundingOptions> options, TimeProvider clock, ILogger<ProjectCloseWorker> logger)
    : BackgroundService
{
    private const int BatchSize = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                while (await CloseDueAsync(stoppingToken) == BatchSize)
                {
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Closing projects failed; retried on the next pass");
            }
        }
    }

    private async Task<int> CloseDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FundingDbContext>();
        var now = clock.GetUtcNow();
        var cutoff = now.UtcDateTime - options.Value.CloseGrace;
        await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, cancellationToken);
        var due = await db.Database.SqlQuery<Guid>($"""
            SELECT id AS "Value" FROM funding.projects WHERE status = 'Open' AND deadline <= {cutoff}
             ORDER BY deadline LIMIT {BatchSize} FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var projects = await db.Projects.AsTracking().Where(project => due.Contains(project.Id)).ToListAsync(cancellationToken);
        foreach (var project in projects)
        {
            project.Close(await ProjectTotals.RaisedAsync(db, project.Id, cancellationToken), now.UtcDateTime);
            db.Publish(ProjectMessages.ChangedOf(project));
            if (project.Status == ProjectStatus.Failed)
            {
                var refunded = await FailedProjectRefunds.RefundAllAsync(db, project.Id, now, cancellationToken);
                logger.LogInformation("Project {ProjectId} failed its goal; {Count} pledges refunded", project.Id, refunded);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outboxSignals.Wake(FundingModule.ModuleName);
        return due.Count;
    }
}
