using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Modular.Settlement.Infrastructure;
using Modular.Settlement.Infrastructure.Storage;

namespace Modular.Settlement.Features.RunExports;

/// <summary>
/// Claims export jobs (<see cref="ExportOptions.ConcurrentJobs"/> at a time per host) and runs them; deletes files whose
/// retention ended. A job whose host stopped keeps its Running row until the lease runs out, then any host restarts it
/// from the beginning: its unfinished upload was never visible and is replaced.
/// </summary>
internal sealed class ExportWorker(
    IServiceScopeFactory scopes, ExportRunner runner, ExportSignal signal, IExportStorage storage, IOptions<SettlementOptions> options,
    SettlementMetrics metrics, TimeProvider clock, ILogger<ExportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.Exports;
        var running = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                running.RemoveAll(task => task.IsCompleted);
                while (running.Count < Math.Max(1, settings.ConcurrentJobs) && await ClaimAsync(stoppingToken) is { } job)
                {
                    running.Add(Task.Run(() => RunAsync(job, stoppingToken), stoppingToken));
                }

                await DeleteExpiredAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Claiming or expiring exports failed; retried on the next pass");
            }

            await (running.Count > 0
                ? Task.WhenAny(Task.WhenAny(running), signal.WaitAsync(settings.PollInterval, stoppingToken))
                : signal.WaitAsync(settings.PollInterval, stoppingToken));
        }

        await Task.WhenAll(running);
    }

    private async Task<ClaimedExport?> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SettlementDbContext>();
        return await ExportJobRows.ClaimAsync(db, clock.GetUtcNow(), options.Value.Exports.Lease, cancellationToken);
    }

    private async Task RunAsync(ClaimedExport job, CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SettlementDbContext>();
        var lease = options.Value.Exports.Lease;
        try
        {
            var file = await runner.RunAsync(
                job, (counted, written) => ExportJobRows.ProgressAsync(db, job, counted, written, clock.GetUtcNow() + lease, stoppingToken), stoppingToken);
            var now = clock.GetUtcNow();
            if (await ExportJobRows.ReadyAsync(db, job, file, now, now + options.Value.Exports.Retention, stoppingToken))
            {
                metrics.Exported(file.Rows, "ready");
                logger.LogInformation("Export {JobId} is ready: {Rows} rows, {Size} bytes", job.Id, file.Rows, file.Size);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException || stoppingToken.IsCancellationRequested)
        {
            // Stopping, or another host took the job over: the lease (or that host) restarts it.
            logger.LogInformation("Export {JobId} attempt {Attempt} stopped before it finished", job.Id, job.Attempt);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Export {JobId} failed", job.Id);
            metrics.Exported(0, "failed");
            await ExportJobRows.FailAsync(db, job, exception.Message, clock.GetUtcNow(), CancellationToken.None);
        }
    }

    private async Task DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SettlementDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, cancellationToken);
        var expired = await ExportJobRows.ExpiredAsync(db, clock.GetUtcNow(), cancellationToken);
        if (expired.Count == 0)
        {
            return;
        }

        foreach (var file in expired)
        {
            await storage.DeleteAsync(file.FileKey, cancellationToken);
        }

        await ExportJobRows.ExpireAsync(db, expired.Select(file => file.Id).ToList(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
