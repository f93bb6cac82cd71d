namespace Modular.Ordering.Features.Checkout;

/// <summary>Configuration section "Ordering:Checkout".</summary>
internal sealed class CheckoutOptions
{
    public const string Section = "Ordering:Checkout";

    /// <summary>
    /// When the timeout worker first asks Acquisition whether the card network stayed silent; the order is cancelled
    /// only on that verdict, never because the platform itself was slow.
    /// </summary>
    public TimeSpan PaymentTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How soon a due deadline whose payment is still under way (not asked yet, or answered but not delivered) is looked at again.</summary>
    public TimeSpan AnswerRecheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the timeout worker looks for due deadlines.</summary>
    public TimeSpan TimeoutPollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
