using System.IO.Compression;
using System.Text;
using System.Text.Json;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Modular.Settlement.Domain;
using Modular.Settlement.Infrastructure;
using Modular.Settlement.Infrastructure.Storage;

namespace Modular.Settlement.Features.RunExports;

/// <summary>
/// Runs one claimed job: count first; up to <see cref="ExportOptions.SingleFileRowLimit"/> rows stream into one CSV
/// (UTF-8 with BOM, so Excel reads Korean text), more are cut into <see cref="ExportOptions.PartitionDays"/>-day
/// partitions of the ordering date, exported in parallel (at most <see cref="ExportOptions.PartitionParallelism"/>, each
/// a COPY into a local spool file) and zipped in order as each is done (one streaming entry per partition). Memory holds
/// buffers only. A heartbeat writes progress and renews the lease; the file is visible only once complete.
/// </summary>
internal sealed class ExportRunner(IServiceScopeFactory scopes, IExportStorage storage, IOptions<SettlementOptions> options)
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string ZipType = "application/zip";

    private static readonly UTF8Encoding CsvEncoding = new(encoderShouldEmitUTF8Identifier: true);
    private static readonly UTF8Encoding SpoolEncoding = new(encoderShouldEmitUTF8Identifier: false);

    /// <param name="heartbeat">Records (counted, written) and renews the claim; false when the claim was lost, which stops the run.</param>
    public async Task<ExportFile> RunAsync(ClaimedExport job, Func<long?, long, Task<bool>> heartbeat, CancellationToken stopping)
    {
        var settings = options.Value.Exports;
        var filter = JsonSerializer.Deserialize<LedgerFilter>(job.Filter)!;
        using var claim = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var cancellationToken = claim.Token;
        var measure = await SendAsync(new MeasureLedgerQuery(filter, job.OrganizationId), cancellationToken);
        var written = 0L;
        if (!await heartbeat(measure.Rows, 0))
        {
            throw new OperationCanceledException("The export's claim was lost.");
        }

        using var beat = new CancellationTokenSource();
        var beating = BeatAsync(() => heartbeat(measure.Rows, Interlocked.Read(ref written)), claim, beat.Token);
        try
        {
            void Progress(long rows) => Interlocked.Add(ref written, rows);
            var file = measure.Rows <= settings.SingleFileRowLimit
                ? await SingleCsvAsync(job, filter, Progress, cancellationToken)
                : await PartitionedZipAsync(job, filter, measure, settings, Progress, cancellationToken);
            return file;
        }
        finally
        {
            await beat.CancelAsync();
            await beating;
        }
    }

    private async Task<ExportFile> SingleCsvAsync(ClaimedExport job, LedgerFilter filter, Action<long> progress, CancellationToken cancellationToken)
    {
        var name = $"ledger-{job.Id:N}.csv";
        var key = $"{job.Id:N}/{name}";
        await using var upload = await storage.BeginAsync(key, cancellationToken);
        long rows;
        await using (var writer = new StreamWriter(upload.Content, CsvEncoding, 1 << 16, leaveOpen: true))
        {
            await writer.WriteLineAsync(LedgerExportSql.Header);
            rows = await SendAsync(new CopyLedgerQuery(filter, job.OrganizationId, null, writer, progress), cancellationToken);
        }

        return new ExportFile(key, name, CsvType, rows, await upload.CompleteAsync(cancellationToken));
    }

    private async Task<ExportFile> PartitionedZipAsync(
        ClaimedExport job, LedgerFilter filter, LedgerMeasure measure, ExportOptions settings, Action<long> progress, CancellationToken cancellationToken)
    {
        var name = $"ledger-{job.Id:N}.zip";
        var key = $"{job.Id:N}/{name}";
        var spool = Directory.CreateTempSubdirectory($"modular-settlement-{job.Id:N}-");
        try
        {
            using var slots = new SemaphoreSlim(Math.Max(1, settings.PartitionParallelism));
            var partitions = Partitions(measure.First!.Value, measure.Last!.Value, settings.PartitionDays)
                .Select((window, index) => SpoolAsync(filter, job.OrganizationId, window, Path.Combine(spool.FullName, $"{index}.csv"), slots, progress, cancellationToken))
                .ToList();
            long rows = 0;
            await using var upload = await storage.BeginAsync(key, cancellationToken);
            using (var zip = new ZipArchive(upload.Content, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var partition in partitions)
                {
                    var (window, path, count) = await partition;
                    rows += count;
                    if (count > 0)
                    {
                        await AddEntryAsync(zip, $"ledger-{window.From:yyyyMMdd}-{window.To.AddTicks(-1):yyyyMMdd}.csv", path, cancellationToken);
                    }

                    File.Delete(path);
                }
            }

            return new ExportFile(key, name, ZipType, rows, await upload.CompleteAsync(cancellationToken));
        }
        finally
        {
            spool.Delete(recursive: true);
        }
    }

    private async Task<((DateTimeOffset From, DateTimeOffset To) Window, string Path, long Rows)> SpoolAsync(
        LedgerFilter filter, Guid? organizationId, (DateTimeOffset From, DateTimeOffset To) window, string path, SemaphoreSlim slots,
        Action<long> progress, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken);
        try
        {
            await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
            await using var writer = new StreamWriter(file, SpoolEncoding, 1 << 16);
            var rows = await SendAsync(new CopyLedgerQuery(filter, organizationId, window, writer, progress), cancellationToken);
            return (window, path, rows);
        }
        finally
        {
            slots.Release();
        }
    }

    private static async Task AddEntryAsync(ZipArchive zip, string entryName, string spoolPath, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(entryName, CompressionLevel.Fastest);
        await using var target = await entry.OpenAsync(cancellationToken);
        await using (var header = new StreamWriter(target, CsvEncoding, 1 << 10, leaveOpen: true))
        {
            await header.WriteLineAsync(LedgerExportSql.Header);
        }

        await using var source = new FileStream(spoolPath, FileMode.Open, FileAccess.Read, FileShare.None, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await source.CopyToAsync(target, 1 << 16, cancellationToken);
    }

    /// <summary>Windows of <paramref name="days"/> days from the first row's day (UTC) to past the last row.</summary>
    public static IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> Partitions(DateTimeOffset first, DateTimeOffset last, int days)
    {
        var windows = new List<(DateTimeOffset, DateTimeOffset)>();
        var from = new DateTimeOffset(first.UtcDateTime.Date, TimeSpan.Zero);
        while (from <= last)
        {
            var to = from.AddDays(Math.Max(1, days));
            windows.Add((from, to));
            from = to;
        }

        return windows;
    }

    private async Task BeatAsync(Func<Task<bool>> beat, CancellationTokenSource claim, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.Value.Exports.Lease / 10);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                if (!await beat())
                {
                    await claim.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task<T> SendAsync<T>(IRequest<T> request, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request, cancellationToken);
    }
}
