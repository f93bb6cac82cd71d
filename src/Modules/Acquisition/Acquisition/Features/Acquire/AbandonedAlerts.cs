using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Modular.Acquisition.Infrastructure;
using Modular.BuildingBlocks.Infrastructure.Email;
using Modular.BuildingBlocks.Infrastructure.Persistence;
using Npgsql;

namespace Modular.Acquisition.Features.Acquire;

/// <summary>
/// One e-mail to the operators per (merchant, code) of newly Abandoned errors; the same pair within
/// <see cref="AcquiringOptions.AlertWindow"/> of its last alert is not mailed again (its errors are marked alerted). An
/// alert that cannot be sent (SMTP or the database down) is logged and counted, and it and the groups after it are tried
/// again on the next run; it never stops the run.
/// </summary>
internal sealed class AbandonedAlerts(
    ModuleDataSource<AcquisitionDbContext> database,
    IEmailSender email,
    IOptions<AcquiringOptions> options,
    AcquisitionMetrics metrics,
    ILogger<AbandonedAlerts> logger)
{
    private const int GroupsPerRun = 50;

    public async Task SendDueAsync(DateTime now, CancellationToken cancellationToken)
    {
        AbandonedGroup? group = null;
        try
        {
            foreach (var unalerted in await UnalertedAsync())
            {
                group = unalerted;
                await SendAsync(group, now, cancellationToken);
            }
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // SMTP or the database is away: the groups left wait for the next run, rather than each one waiting out the
            // sender's retries and holding up the loop.
            metrics.ErrorRecordingFailed(1);
            logger.LogError(exception, "The alert for abandoned acquiring errors {Code} of merchant {MerchantId} was not sent; the next run tries again",
                group?.Code, group?.MerchantId);
        }
    }

    private async Task SendAsync(AbandonedGroup group, DateTime now, CancellationToken cancellationToken)
    {
        if (await SentWithinWindowAsync(group.Key, now))
        {
            await MarkAlertedAsync(group, now);
            return;
        }

        foreach (var recipient in options.Value.AlertRecipients)
        {
            await email.SendAsync(MailOf(group, recipient), cancellationToken);
        }

        await RememberSentAsync(group, now);
        metrics.AlertSent();
    }

    private async Task<List<AbandonedGroup>> UnalertedAsync()
    {
        await using var command = database.DataSource.CreateCommand(
            $"""
            SELECT merchant_id, code, count(*), (array_agg(transaction_id ORDER BY id))[1:5]
            FROM acquisition.acquiring_errors WHERE status = 'Abandoned' AND alerted_at IS NULL
            GROUP BY merchant_id, code LIMIT {GroupsPerRun}
            """);
        var groups = new List<AbandonedGroup>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            groups.Add(new AbandonedGroup(reader.GetGuid(0), reader.GetString(1), reader.GetInt64(2), reader.GetFieldValue<Guid[]>(3)));
        }

        return groups;
    }

    private async Task<bool> SentWithinWindowAsync(string key, DateTime now)
    {
        await using var command = database.DataSource.CreateCommand("SELECT sent_at > $2 FROM acquisition.acquiring_alerts WHERE alert_key = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        command.Parameters.Add(new NpgsqlParameter { Value = now - options.Value.AlertWindow });
        return await command.ExecuteScalarAsync() is true;
    }

    private async Task RememberSentAsync(AbandonedGroup group, DateTime now)
    {
        await using var batch = database.DataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            """
            INSERT INTO acquisition.acquiring_alerts (alert_key, sent_at) VALUES ($1, $2)
            ON CONFLICT (alert_key) DO UPDATE SET sent_at = excluded.sent_at
            """) { Parameters = { new() { Value = group.Key }, new() { Value = now } } });
        batch.BatchCommands.Add(MarkAlerted(group, now));
        await batch.ExecuteNonQueryAsync();
    }

    private async Task MarkAlertedAsync(AbandonedGroup group, DateTime now)
    {
        await using var batch = database.DataSource.CreateBatch();
        batch.BatchCommands.Add(MarkAlerted(group, now));
        await batch.ExecuteNonQueryAsync();
    }

    private static NpgsqlBatchCommand MarkAlerted(AbandonedGroup group, DateTime now) => new(
        """
        UPDATE acquisition.acquiring_errors SET alerted_at = $3
        WHERE status = 'Abandoned' AND alerted_at IS NULL AND merchant_id = $1 AND code = $2
        """) { Parameters = { new() { Value = group.MerchantId }, new() { Value = group.Code }, new() { Value = now } } };

    private static EmailMessage MailOf(AbandonedGroup group, string recipient) => new(
        recipient,
        $"[Modular] Acquiring abandoned {group.Count} item(s): {group.Code}",
        $"""
        The acquiring loop gave up on {group.Count} item(s) of merchant {group.MerchantId} after its retries, code {group.Code}.
        First transactions: {string.Join(", ", group.Transactions)}

        List them: GET /api/acquisition/acquiring-errors?status=Abandoned&code={group.Code}&merchantId={group.MerchantId}
        Fix the cause (e.g. the merchant's settings), then retry them: POST /api/acquisition/acquiring-errors/retries
        """);

    private sealed record AbandonedGroup(Guid MerchantId, string Code, long Count, Guid[] Transactions)
    {
        public string Key => $"{MerchantId}:{Code}";
    }
}
