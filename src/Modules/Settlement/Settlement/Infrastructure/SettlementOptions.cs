namespace Modular.Settlement.Infrastructure;

/// <summary>Configuration section "Settlement".</summary>
internal sealed class SettlementOptions
{
    public const string Section = "Settlement";

    /// <summary>This platform's PG code, the ledger's PG field.</summary>
    public string PgCode { get; set; } = "MODULARPG";

    /// <summary>Rows per multi-row INSERT while a batch of acquisitions is written to the ledger.</summary>
    public int LedgerInsertChunk { get; set; } = 2_000;

    /// <summary>Acquisitions asked of Acquisition per reconciliation page (GetAcquisitionsOfDay allows at most 10,000).</summary>
    public int ReconciliationPageSize { get; set; } = 1_000;

    /// <summary>Time of day (UTC) at which the scheduled run reconciles the previous day.</summary>
    public TimeOnly ReconcileAt { get; set; } = new(1, 0);

    /// <summary>How often the schedule looks whether the day's run is due.</summary>
    public TimeSpan ReconcilePollInterval { get; set; } = TimeSpan.FromMinutes(1);

    public ExportOptions Exports { get; set; } = new();
}

/// <summary>Configuration section "Settlement:Exports".</summary>
internal sealed class ExportOptions
{
    /// <summary>A job with more rows is split into <see cref="PartitionDays"/>-day partitions, zipped.</summary>
    public long SingleFileRowLimit { get; set; } = 1_000_000;

    public int PartitionDays { get; set; } = 3;

    /// <summary>Partitions of one job exported at the same time (each holds one read connection).</summary>
    public int PartitionParallelism { get; set; } = 2;

    /// <summary>Jobs one host runs at the same time.</summary>
    public int ConcurrentJobs { get; set; } = 1;

    /// <summary>How long a running job's claim lasts without progress; a host that stopped loses it and another restarts the job.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a signed download link is valid (the seed's one minute).</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a finished file is kept; then it is deleted and the job shows Expired.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Local storage's folder (relative to the content root unless absolute); every instance must see the same one.</summary>
    public string Directory { get; set; } = Path.Combine(Path.GetTempPath(), "modular", "settlement-exports");

    /// <summary>S3-compatible object storage; used instead of the local folder when its service URL and bucket are set.</summary>
    public S3StorageOptions S3 { get; set; } = new();
}

/// <summary>Configuration section "Settlement:Exports:S3".</summary>
internal sealed class S3StorageOptions
{
    /// <summary>The endpoint, e.g. https://s3.ap-northeast-2.amazonaws.com or a compatible server's address.</summary>
    public string? ServiceUrl { get; set; }

    public string? Bucket { get; set; }

    public string Region { get; set; } = "ap-northeast-2";

    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary>Bucket in the path rather than the host name: what most S3-compatible servers expect.</summary>
    public bool ForcePathStyle { get; set; } = true;

    /// <summary>
    /// Bytes per multipart part, the memory one upload holds. S3 wants at least 5 MiB for every part but the last;
    /// compatible test servers take less.
    /// </summary>
    public int PartSizeBytes { get; set; } = 8 * 1024 * 1024;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ServiceUrl) && !string.IsNullOrWhiteSpace(Bucket);
}
