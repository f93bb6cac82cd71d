using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Modular.Acquisition.Infrastructure;
using Modular.BuildingBlocks.Infrastructure.Persistence;
using Npgsql;

namespace Modular.Acquisition.Features.Acquire;

/// <summary>
/// One acquiring worker across all instances: the leader holds a session-level PostgreSQL advisory lock on a connection
/// of its own. When the leader dies its session ends and the lock is free at once; a standby tries every
/// <see cref="AcquiringOptions.LeaderRetryInterval"/>, so it takes over within seconds.
/// </summary>
internal sealed class AcquiringLeadership(
    ModuleDataSource<AcquisitionDbContext> database,
    IOptions<AcquiringOptions> options,
    TimeProvider clock,
    ILogger<AcquiringLeadership> logger)
{
    /// <summary>Any fixed number, the same in every instance ("acquire" in ASCII).</summary>
    private const long LockKey = 0x61_63_71_75_69_72_65;

    /// <summary>Waits until this instance holds the lock.</summary>
    public async Task<AcquiringLease> WaitAsync(CancellationToken stoppingToken)
    {
        var connection = await database.DataSource.OpenConnectionAsync(stoppingToken);
        try
        {
            while (true)
            {
                await using (var command = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection))
                {
                    command.Parameters.Add(new NpgsqlParameter { Value = LockKey });
                    if ((bool)(await command.ExecuteScalarAsync(stoppingToken))!)
                    {
                        logger.LogInformation("This instance is now the acquiring leader");
                        return new AcquiringLease(connection);
                    }
                }

                await Task.Delay(options.Value.LeaderRetryInterval, clock, stoppingToken);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>The held lock. Disposing it unlocks before the connection goes back to the pool.</summary>
    internal sealed class AcquiringLease(NpgsqlConnection connection) : IAsyncDisposable
    {
        /// <summary>Throws when the lock's session is gone (the database restarted, the connection broke): the lock may be another's now.</summary>
        public async Task EnsureHeldAsync()
        {
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync();
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", connection);
                command.Parameters.Add(new NpgsqlParameter { Value = LockKey });
                await command.ExecuteScalarAsync();
            }
            catch (NpgsqlException)
            {
                // A broken connection is never pooled again, and its session (with the lock) is gone already.
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
}
