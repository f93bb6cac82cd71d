using MediatR;
using Modular.BuildingBlocks.Domain.Errors;

namespace Modular.Funding.Features.PlacePledge;

/// <summary>
/// Not an ICommand on purpose: the pledge batcher owns the transaction (one for many concurrent pledges), so the
/// per-request unit of work must not open another. Amount: required without a tier; with one it defaults to its price.
/// </summary>
internal sealed record PlacePledgeCommand(Guid ProjectId, Guid BackerId, Guid? TierId, long? Amount, string CardToken, string? IdempotencyKey)
    : IRequest<PledgeAnswer>;

internal abstract record PledgeAnswer
{
    /// <summary>The HTTP answer to write as is: a fresh 202 or the stored first answer of a retried Idempotency-Key.</summary>
    public sealed record Stored(int StatusCode, Guid PledgeId, string Body) : PledgeAnswer;

    /// <summary>Refused and nothing stored; returned rather than thrown because a sold-out launch refuses most requests.</summary>
    public sealed record Refused(Error Error) : PledgeAnswer;
}
