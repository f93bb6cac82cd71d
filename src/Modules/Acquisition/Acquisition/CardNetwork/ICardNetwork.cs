using Modular.Acquisition.Domain;

namespace Modular.Acquisition.CardNetwork;

/// <summary>
/// The card network (VAN/issuer) the PG asks for authorizations. It is idempotent per (merchant, reference): asking
/// again for the same reference gets the same answer and never charges twice. It may never answer; the caller bounds
/// the wait with <paramref name="cancellationToken"/>.
/// </summary>
internal interface ICardNetwork
{
    Task<CardNetworkAnswer> AuthorizeAsync(CardAuthorization request, CancellationToken cancellationToken);
}

internal sealed record CardAuthorization(Guid MerchantId, Guid Reference, long Amount, string CardToken);

internal abstract record CardNetworkAnswer;

internal sealed record CardApproved(MaskedCard Card, string ApprovalNumber) : CardNetworkAnswer;

/// <summary><paramref name="Card"/> is null when the token names no card.</summary>
internal sealed record CardDeclined(MaskedCard? Card, string Code, string Reason) : CardNetworkAnswer;
