using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Modular.Acquisition.Infrastructure;
using Modular.BuildingBlocks.Infrastructure.Batching;
using Modular.BuildingBlocks.Infrastructure.Persistence;
using Npgsql;

namespace Modular.Acquisition.Features.Acquire;

/// <summary>An item that could not be acquired, with every reason found.</summary>
internal sealed record AcquiringFailure(AcquiringCandidate Item, IReadOnlyList<AcquiringReason> Reasons);

/// <summary>
/// The loop's writes to acquisition.acquiring_errors. A first failure inserts the error (Open, retry 0); a failure on a
/// retry counts it, and the <see cref="AcquiringOptions.MaxRetries"/>-th makes it Abandoned (its alert still to send).
/// Recording never stops the run: a failure to record is logged and counted, and the caller keeps its cursor before the
/// item so the next run reads it again.
/// </summary>
internal sealed class AcquiringErrorLog(
    ModuleDataSource<AcquisitionDbContext> database,
    IOptions<AcquiringOptions> options,
    AcquisitionMetrics metrics,
    ILogger<AcquiringErrorLog> logger)
{
    private static readonly JsonSerializerOptions PayloadOptions = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private const string Upsert =
        """
        INSERT INTO acquisition.acquiring_errors AS e (id, transaction_id, kind, merchant_id, code, codes, message, reasons, payload,
            retry_count, status, first_seen_at, last_seen_at, next_retry_at)
        SELECT f.id, f.transaction_id, f.kind, f.merchant_id, c.codes[1], c.codes, f.message, f.reasons::jsonb, f.payload::jsonb,
            0, CASE WHEN $10 <= 0 THEN 'Abandoned' ELSE 'Open' END, $8, $8, $9
        FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::text[], $11::text[])
            AS f (id, transaction_id, kind, merchant_id, codes_text, message, reasons, payload)
            CROSS JOIN LATERAL (SELECT string_to_array(f.codes_text, ' ') AS codes) c
        ON CONFLICT (transaction_id, kind) DO UPDATE SET
            retry_count = e.retry_count + 1,
            code = excluded.code, codes = excluded.codes, message = excluded.message, reasons = excluded.reasons,
            payload = excluded.payload, last_seen_at = excluded.last_seen_at,
            status = CASE WHEN e.retry_count + 1 >= $10 THEN 'Abandoned' ELSE 'Open' END,
            next_retry_at = CASE WHEN e.retry_count + 1 >= $10 THEN NULL ELSE excluded.next_retry_at END,
            alerted_at = CASE WHEN e.retry_count + 1 >= $10 THEN NULL ELSE e.alerted_at END,
            version = e.version + 1
        WHERE e.status = 'Open'
        RETURNING e.status = 'Abandoned', xmax = 0
        """;

    /// <returns>The payment ids whose failure could not be recorded.</returns>
    public async Task<IReadOnlySet<Guid>> RecordAsync(IReadOnlyList<AcquiringFailure> failures, DateTime now)
    {
        var unrecorded = new HashSet<Guid>();
        if (failures.Count == 0)
        {
            return unrecorded;
        }

        try
        {
            await BatchIsolation.RunAsync(failures, batch => UpsertAsync(batch, now), (failure, exception) =>
            {
                NotRecorded([failure], exception, unrecorded);
                return Task.CompletedTask;
            });
        }
        catch (Exception exception)
        {
            // The database is away: the run goes on, and these items are read again by a later run.
            NotRecorded(failures.Where(failure => !unrecorded.Contains(failure.Item.PaymentId)).ToList(), exception, unrecorded);
        }

        return unrecorded;
    }

    /// <summary>Closes errors whose item needs no acquisition any more (canceled before it was acquired, or acquired meanwhile).</summary>
    public async Task CloseAsync(IReadOnlyCollection<(Guid PaymentId, string Kind)> errors, DateTime now)
    {
        await using var command = database.DataSource.CreateCommand(
            """
            UPDATE acquisition.acquiring_errors e
            SET status = 'Resolved', closed_at = $3, next_retry_at = NULL, version = version + 1,
                note = 'Nothing left to acquire: the payment was acquired or canceled meanwhile.'
            FROM unnest($1::uuid[], $2::text[]) AS closed (payment_id, kind)
            WHERE e.transaction_id = closed.payment_id AND e.kind = closed.kind AND e.status = 'Open'
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = errors.Select(error => error.PaymentId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = errors.Select(error => error.Kind).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        try
        {
            await command.ExecuteNonQueryAsync();
        }
        catch (Exception exception)
        {
            // Left Open, these errors come due again and are closed by a later run.
            metrics.ErrorRecordingFailed(errors.Count);
            logger.LogError(exception, "{Count} acquiring errors with nothing left to acquire could not be closed; a later run tries again", errors.Count);
        }
    }

    /// <summary>Open errors whose retry is due, oldest due first.</summary>
    public async Task<List<(Guid PaymentId, string Kind)>> DueAsync(DateTime now, int limit)
    {
        await using var command = database.DataSource.CreateCommand(
            """
            SELECT transaction_id, kind FROM acquisition.acquiring_errors
            WHERE status = 'Open' AND next_retry_at <= $1 ORDER BY next_retry_at LIMIT $2
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        var due = new List<(Guid, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            due.Add((reader.GetGuid(0), reader.GetString(1)));
        }

        return due;
    }

    private async Task UpsertAsync(IReadOnlyList<AcquiringFailure> failures, DateTime now)
    {
        var settings = options.Value;
        await using var command = database.DataSource.CreateCommand(Upsert);
        command.Parameters.Add(new NpgsqlParameter { Value = failures.Select(_ => Guid.CreateVersion7()).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = failures.Select(f => f.Item.PaymentId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = failures.Select(f => f.Item.Kind.ToString()).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = failures.Select(f => f.Item.MerchantId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = failures.Select(f => string.Join(' ', f.Reasons.Select(r => r.Code))).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = failures.Select(f => string.Join(" ", f.Reasons.Select(r => r.Message))).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = failures.Select(f => JsonSerializer.Serialize(f.Reasons, PayloadOptions)).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        command.Parameters.Add(new NpgsqlParameter { Value = now + settings.RetryInterval });
        command.Parameters.Add(new NpgsqlParameter { Value = settings.MaxRetries });
        command.Parameters.Add(new NpgsqlParameter { Value = failures.Select(f => JsonSerializer.Serialize(f.Item, PayloadOptions)).ToArray() });
        var abandoned = 0;
        var firstSeen = 0;
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                abandoned += reader.GetBoolean(0) ? 1 : 0;
                firstSeen += reader.GetBoolean(1) ? 1 : 0;
            }
        }

        metrics.Isolated(firstSeen);
        metrics.Abandoned(abandoned);
        if (abandoned > 0)
        {
            logger.LogWarning("{Abandoned} acquiring errors were abandoned after {MaxRetries} retries", abandoned, settings.MaxRetries);
        }
    }

    private void NotRecorded(IReadOnlyList<AcquiringFailure> failures, Exception exception, HashSet<Guid> unrecorded)
    {
        metrics.ErrorRecordingFailed(failures.Count);
        foreach (var failure in failures)
        {
            unrecorded.Add(failure.Item.PaymentId);
        }

        logger.LogError(exception, "{Count} acquiring errors could not be recorded (first: {Kind} {PaymentId}); a later run reads them again",
            failures.Count, failures.FirstOrDefault()?.Item.Kind, failures.FirstOrDefault()?.Item.PaymentId);
    }
}
