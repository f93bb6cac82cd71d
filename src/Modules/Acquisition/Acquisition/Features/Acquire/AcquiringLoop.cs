using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Modular.Acquisition.Features.Acquire;

/// <summary>
/// The acquiring worker: waits to be the leader (<see cref="AcquiringLeadership"/>), then runs, pausing
/// <see cref="AcquiringOptions.Interval"/> after each run ends, so runs never overlap. Nothing stops it: a failed run (the
/// database away, leadership lost) is logged, and the loop elects again and goes on. On shutdown the run in flight
/// finishes its current chunk and commits, then the loop stops.
/// </summary>
internal sealed class AcquiringLoop(
    AcquiringLeadership leadership,
    AcquiringRun run,
    IOptions<AcquiringOptions> options,
    TimeProvider clock,
    ILogger<AcquiringLoop> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var lease = await leadership.WaitAsync(stoppingToken);
                while (!stoppingToken.IsCancellationRequested)
                {
                    await run.ExecuteAsync(lease, stoppingToken);
                    await Task.Delay(settings.Interval, clock, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "An acquiring run failed; the loop goes on after {Interval}", settings.Interval);
                try
                {
                    await Task.Delay(settings.Interval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        logger.LogInformation("Acquiring stopped");
    }
}
