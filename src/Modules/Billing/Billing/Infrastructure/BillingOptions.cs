namespace Modular.Billing.Infrastructure;

/// <summary>Configuration section "Billing".</summary>
internal sealed class BillingOptions
{
    public const string Section = "Billing";

    /// <summary>The environment variable run.sh and test.sh export (scripts/chromium pdf), used when ChromiumPath is not set.</summary>
    public const string ChromiumVariable = "MODULAR_PDF_CHROMIUM";

    /// <summary>
    /// Debian's Chromium old headless shell (chromium-headless-shell), which prints in the page's renderer; rendering
    /// fails loudly when it is missing, never falls back to a download.
    /// </summary>
    public string? ChromiumPath { get; set; }

    /// <summary>Browser pages rendering at once (one browser is shared): bounds the renderer's memory and CPU.</summary>
    public int MaxPdfPages { get; set; } = 4;

    /// <summary>Invoices per chunk: one query loads them, one IAM request addresses them.</summary>
    public int DispatchChunkSize { get; set; } = 50;

    /// <summary>Invoices of a chunk rendered and mailed at once (the e-mail sender's rate limit paces the mails).</summary>
    public int DispatchParallelism { get; set; } = 12;

    /// <summary>How often the dispatch worker looks for work it was not woken for (another instance's, or after a restart).</summary>
    public TimeSpan DispatchPollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
