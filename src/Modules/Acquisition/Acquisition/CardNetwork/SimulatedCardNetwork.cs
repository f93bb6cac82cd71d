using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Modular.Acquisition.Domain;

namespace Modular.Acquisition.CardNetwork;

/// <summary>
/// A sandbox card network in the manner of PG test cards: configured tokens approve, always decline with their code,
/// or never answer; amounts over the limit decline; every answer takes a random latency in the configured range.
/// The approval number is derived from (merchant, reference), so asking again for a reference gets the same approval
/// — the network's own idempotency that makes the authorizer's retry after a crash safe.
/// </summary>
internal sealed class SimulatedCardNetwork(IOptionsMonitor<CardNetworkOptions> options, TimeProvider clock) : ICardNetwork
{
    public async Task<CardNetworkAnswer> AuthorizeAsync(CardAuthorization request, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var sandboxCard = settings.Cards.GetValueOrDefault(request.CardToken);
        if (sandboxCard is { NoAnswer: true })
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, clock, cancellationToken);
        }

        await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(settings.MinLatencyMs, settings.MaxLatencyMs + 1)), clock, cancellationToken);
        if (sandboxCard is null)
        {
            return new CardDeclined(null, "card.invalid_token", "The card token is unknown to the network.");
        }

        var card = MaskedCard.From(sandboxCard.CardNumber);
        if (sandboxCard.DeclineCode is { } code)
        {
            return new CardDeclined(card, code, sandboxCard.DeclineReason ?? "The issuer declined the payment.");
        }

        return request.Amount > settings.AmountLimit
            ? new CardDeclined(card, "card.limit_exceeded", $"The amount exceeds the card's limit of {settings.AmountLimit} KRW.")
            : new CardApproved(card, ApprovalNumberOf(request));
    }

    private static string ApprovalNumberOf(CardAuthorization request)
    {
        Span<byte> key = stackalloc byte[32];
        request.MerchantId.TryWriteBytes(key[..16]);
        request.Reference.TryWriteBytes(key[16..]);
        var hash = SHA256.HashData(key);
        return (BinaryPrimitives.ReadUInt32BigEndian(hash) % 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
    }
}
