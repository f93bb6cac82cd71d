using Modular.Acquisition.Contracts;

namespace Modular.Acquisition.Features.ScreenFraud;

/// <summary>
/// One fraud rule. Rules are screened one after another over a chunk of acquired payments, each in a savepoint of the
/// screening's transaction: a rule that throws is recorded and skipped, and neither the acquisitions nor the other
/// rules' findings notice. A rule keeps whatever state it needs in tables of its own, updated set-based per chunk.
/// </summary>
internal interface IFraudRule
{
    /// <summary>The stable code detections carry (snake_case), e.g. <c>amount_threshold</c>.</summary>
    string Code { get; }

    Task<IReadOnlyList<FraudFinding>> ScreenAsync(IReadOnlyList<ScreenedPayment> payments, CancellationToken cancellationToken);
}

/// <summary>An acquired payment and its card's key (a hash of the card token), null when the payment row is unknown.</summary>
internal sealed record ScreenedPayment(AcquisitionEntry Acquisition, string? CardKey);

/// <summary>What a rule found about a payment, said so that a risk manager understands it.</summary>
internal sealed record FraudFinding(ScreenedPayment Payment, string Reason);
