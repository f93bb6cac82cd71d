namespace Modular.Funding.Infrastructure;

/// <summary>Configuration section "Funding".</summary>
internal sealed class FundingOptions
{
    public const string Section = "Funding";

    /// <summary>
    /// When the timeout worker first asks Acquisition whether the card network stayed silent; the pledge fails only on
    /// that verdict, never because the platform itself was slow.
    /// </summary>
    public TimeSpan PaymentTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How soon a due deadline whose payment is still under way (not asked yet, or answered but not delivered) is looked at again.</summary>
    public TimeSpan AnswerRecheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the timeout and close workers look for due deadlines.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long after its deadline a project is closed: a pledge accepted just before the deadline may still be in its
    /// batch's transaction, and must be counted (or refunded) with the others.
    /// </summary>
    public TimeSpan CloseGrace { get; set; } = TimeSpan.FromSeconds(5);
}
