namespace Modular.BuildingBlocks.Infrastructure.Email;

/// <summary>Outgoing e-mail, section "Email". The SMTP server itself comes from services.env (MODULAR_SMTP_HOST/PORT).</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public string From { get; set; } = "no-reply@modular.local";

    /// <summary>Sustained sends per second across the whole process (token bucket refill).</summary>
    public int PermitsPerSecond { get; set; } = 100;

    /// <summary>Sends allowed at once after a quiet period (token bucket size).</summary>
    public int Burst { get; set; } = 20;

    /// <summary>Attempts per message (first try plus retries) when the server answers with a transient 4xx.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>SMTP connections kept open and reused across sends; also the most sends in flight at once.</summary>
    public int Connections { get; set; } = 4;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>One attempt, connecting included; past it the connection is dropped and the attempt counts as transient.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
