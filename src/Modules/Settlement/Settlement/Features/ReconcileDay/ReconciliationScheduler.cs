using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Modular.BuildingBlocks.Infrastructure.Persistence;
using Modular.Settlement.Contracts;
using Modular.Settlement.Domain;
using Modular.Settlement.Infrastructure;

namespace Modular.Settlement.Features.ReconcileDay;

/// <summary>
/// The daily run: once <see cref="SettlementOptions.ReconcileAt"/> (UTC) has passed, yesterday is reconciled, once
/// across all hosts (reconciliation_runs_one_scheduled_per_day; a host that loses the race sees the unique violation).
/// </summary>
internal sealed class ReconciliationScheduler(
    IServiceScopeFactory scopes, IOptions<SettlementOptions> options, TimeProvider clock, ILogger<ReconciliationScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ReconcilePollInterval);
        do
        {
            try
            {
                await ScheduleDueAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Scheduling the daily reconciliation failed; retried on the next pass");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task ScheduleDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (TimeOnly.FromDateTime(now) < options.Value.ReconcileAt)
        {
            return;
        }

        var day = DateOnly.FromDateTime(now).AddDays(-1);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SettlementDbContext>();
        if (await db.ReconciliationRuns.AnyAsync(run => run.Day == day && run.Trigger == ReconciliationRun.Scheduled, cancellationToken))
        {
            return;
        }

        var run = ReconciliationRun.Start(day, ReconciliationRun.Scheduled, requestedBy: null, clock.GetUtcNow());
        db.ReconciliationRuns.Add(run);
        db.Publish(new ReconcileLedgerPage(run.Id, day, After: null, Page: 1));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Scheduled the reconciliation of {Day}", day);
        }
        catch (DbUpdateException exception) when (UniqueConstraintErrors.ViolationIn(exception) is not null)
        {
            // Another host scheduled it first.
        }
    }
}
