namespace Modular.Acquisition.Features.ScreenFraud;

/// <summary>The rules' thresholds (<c>Acquisition:Fraud</c>).</summary>
internal sealed class FraudRuleOptions
{
    public const string Section = "Acquisition:Fraud";

    /// <summary>A payment above this many KRW is flagged.</summary>
    public long AmountThreshold { get; set; } = 5_000_000;

    /// <summary>This many approvals of one card within <see cref="CardVelocityWindow"/> flag the last of them (and later ones).</summary>
    public int CardVelocityCount { get; set; } = 5;

    public TimeSpan CardVelocityWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A payment more than this many standard deviations above its merchant's mean amount is flagged…</summary>
    public double MerchantDeviations { get; set; } = 3;

    /// <summary>…once the merchant has this many approved payments to judge by.</summary>
    public int MerchantMinimumSamples { get; set; } = 30;
}
