using Modular.BuildingBlocks.Infrastructure.Batching;

namespace Modular.Funding.Features.PlacePledge.Batching;

/// <summary>One validated pledge waiting in the batcher; <see cref="ResponseBody"/> is its 202 answer if it is stored.</summary>
internal sealed class PendingPledge(
    Guid pledgeId, Guid projectId, Guid organizationId, Guid merchantId, Guid backerId, Guid? tierId, long amount, string cardToken,
    string? idempotencyKey, string requestHash, string responseBody, DateTime pledgedAt) : BatchItem<PledgeOutcome>
{
    public Guid PledgeId { get; } = pledgeId;
    public Guid ProjectId { get; } = projectId;
    public Guid OrganizationId { get; } = organizationId;
    public Guid MerchantId { get; } = merchantId;
    public Guid BackerId { get; } = backerId;
    public Guid? TierId { get; } = tierId;
    public long Amount { get; } = amount;
    public string CardToken { get; } = cardToken;
    public string? IdempotencyKey { get; } = idempotencyKey;
    public string RequestHash { get; } = requestHash;
    public string ResponseBody { get; } = responseBody;
    public DateTime PledgedAt { get; } = pledgedAt;

    public override object? CoalesceKey => IdempotencyKey is null ? null : (BackerId, IdempotencyKey);
}

/// <summary>How the batcher answered one pledge.</summary>
internal abstract record PledgeOutcome
{
    /// <summary>Stored Pending (or the stored first answer of a retried Idempotency-Key).</summary>
    public sealed record Answered(int StatusCode, Guid PledgeId, string Body) : PledgeOutcome;

    /// <summary>Nothing stored: the backer already has a live pledge to the project.</summary>
    public sealed record AlreadyPledged : PledgeOutcome;

    /// <summary>Nothing stored: no unit of the tier was left.</summary>
    public sealed record SoldOut : PledgeOutcome;

    /// <summary>The Idempotency-Key was first used with another request body.</summary>
    public sealed record KeyReused : PledgeOutcome;
}
