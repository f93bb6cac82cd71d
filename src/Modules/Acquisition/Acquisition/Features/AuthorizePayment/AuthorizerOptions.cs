namespace Modular.Acquisition.Features.AuthorizePayment;

/// <summary>Configuration section "Acquisition:Authorizer".</summary>
internal sealed class AuthorizerOptions
{
    public const string Section = "Acquisition:Authorizer";

    /// <summary>Network calls in flight per instance. They hold no database connection, only memory.</summary>
    public int MaxInFlight { get; set; } = 256;

    /// <summary>Pending transactions leased per claim.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// How long a claim owns a transaction beyond the network's answer timeout: time to record the answer. The lease is
    /// no longer than that, so a call lost with its instance is asked again within seconds, long before any caller's deadline.
    /// </summary>
    public TimeSpan LeaseBeyondAnswerTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Fallback poll when no NOTIFY arrives (expired leases of a crashed instance, a lost listener).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
