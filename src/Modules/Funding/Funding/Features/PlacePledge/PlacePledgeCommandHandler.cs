using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MediatR;
using Modular.Funding.Features.PlacePledge.Batching;
using Modular.Funding.Infrastructure;

namespace Modular.Funding.Features.PlacePledge;

internal sealed class PlacePledgeCommandHandler(OpenProjects projects, PledgeBatcher batcher, TimeProvider clock)
    : IRequestHandler<PlacePledgeCommand, PledgeAnswer>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<PledgeAnswer> Handle(PlacePledgeCommand command, CancellationToken cancellationToken)
    {
        var pledgedAt = clock.GetUtcNow().UtcDateTime;
        var project = await projects.GetAsync(command.ProjectId, cancellationToken);
        if (project is null || project.Status == "Draft")
        {
            // A draft is not public yet: its existence does not leak to backers.
            return new PledgeAnswer.Refused(ProjectResponse.NotFound(command.ProjectId).Error);
        }

        if (!project.TakesPledgesAt(pledgedAt))
        {
            return new PledgeAnswer.Refused(PledgeErrors.NotOpen);
        }

        long amount;
        if (command.TierId is { } tierId)
        {
            if (!project.TierPrices.TryGetValue(tierId, out var price))
            {
                return new PledgeAnswer.Refused(PledgeErrors.UnknownTier(tierId));
            }

            amount = command.Amount ?? price;
            if (amount < price)
            {
                return new PledgeAnswer.Refused(PledgeErrors.BelowPrice(price));
            }
        }
        else
        {
            amount = command.Amount!.Value;
        }

        var pledgeId = Guid.CreateVersion7(pledgedAt);
        var response = new PledgedResponse(pledgeId, project.Id, command.TierId, amount, PledgeRows.Pending, pledgedAt);
        var pending = new PendingPledge(
            pledgeId, project.Id, project.OrganizationId, project.MerchantId, command.BackerId, command.TierId, amount, command.CardToken,
            command.IdempotencyKey, RequestHash(command), JsonSerializer.Serialize(response, Json), pledgedAt);

        return await batcher.EnqueueAsync(pending) switch
        {
            PledgeOutcome.Answered answered => new PledgeAnswer.Stored(answered.StatusCode, answered.PledgeId, answered.Body),
            PledgeOutcome.AlreadyPledged => new PledgeAnswer.Refused(PledgeErrors.AlreadyPledged),
            PledgeOutcome.SoldOut => new PledgeAnswer.Refused(PledgeErrors.RewardSoldOut),
            PledgeOutcome.KeyReused => new PledgeAnswer.Refused(PledgeErrors.KeyReused),
            var other => throw new InvalidOperationException($"Unexpected pledge outcome {other}."),
        };
    }

    /// <summary>What makes two requests "the same" for an Idempotency-Key: the project, tier, amount and card token.</summary>
    private static string RequestHash(PlacePledgeCommand command)
    {
        var canonical = JsonSerializer.Serialize(new { command.ProjectId, command.TierId, command.Amount, command.CardToken }, Json);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
