using System.Globalization;
using Microsoft.Extensions.Options;

namespace Modular.Acquisition.Features.ScreenFraud;

/// <summary>Flags a payment above a fixed amount.</summary>
internal sealed class AmountThresholdRule(IOptions<FraudRuleOptions> options) : IFraudRule
{
    public string Code => "amount_threshold";

    public Task<IReadOnlyList<FraudFinding>> ScreenAsync(IReadOnlyList<ScreenedPayment> payments, CancellationToken cancellationToken)
    {
        var threshold = options.Value.AmountThreshold;
        IReadOnlyList<FraudFinding> findings = payments
            .Where(payment => payment.Acquisition.Amount > threshold)
            .Select(payment => new FraudFinding(payment, string.Create(CultureInfo.InvariantCulture,
                $"The amount of {payment.Acquisition.Amount:N0} KRW is above the threshold of {threshold:N0} KRW.")))
            .ToList();
        return Task.FromResult(findings);
    }
}
