namespace Modular.Acquisition.Features.Acquire;

/// <summary>Configuration section "Acquisition:Acquiring" (documented in docs/modules/acquisition.md).</summary>
internal sealed class AcquiringOptions
{
    public const string Section = "Acquisition:Acquiring";

    /// <summary>False leaves this instance out of the election: it never acquires.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The pause between the end of one run and the start of the next (runs never overlap).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Items per chunk: one insert, one transaction and one AcquisitionsRecorded each (500–1,000).</summary>
    public int ChunkSize { get; set; } = 1_000;

    /// <summary>How far before its cursor a run starts reading, for payments approved earlier but committed later.</summary>
    public TimeSpan Lookback { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a run reads its queues from the start instead (the safety net for commits later than the lookback).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often a standby tries to become the leader (the advisory lock of a dead leader is free at once).</summary>
    public TimeSpan LeaderRetryInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The largest amount acquired; above it an item is refused (<c>amount.out_of_range</c>).</summary>
    public long MaxAmount { get; set; } = 100_000_000;

    /// <summary>Retries of an error on later runs before it is Abandoned.</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>The least time between two retries of one error.</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The operators told by e-mail when errors are Abandoned.</summary>
    public string[] AlertRecipients { get; set; } = [];

    /// <summary>One alert per (merchant, code) within this window; later abandonments of the same error are not mailed again.</summary>
    public TimeSpan AlertWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Readiness is Degraded when the oldest approved payment not yet acquired is older than this.</summary>
    public TimeSpan LagThreshold { get; set; } = TimeSpan.FromMinutes(5);
}
