namespace Modular.Ordering.Features.Checkout;

/// <summary>Configuration section "Ordering:Checkout".</summary>
internal sealed class CheckoutOptions
{
    public const string Section = "Ordering:Checkout";

    /// <summary>How long an order waits for the payment answer before it is cancelled.</summary>
    public TimeSpan PaymentTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the timeout worker looks for due deadlines.</summary>
    public TimeSpan TimeoutPollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
