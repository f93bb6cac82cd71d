using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MediatR;
using Modular.BuildingBlocks.Domain.Errors;
using Modular.BuildingBlocks.Infrastructure.Persistence;
using Modular.Funding.Features.PlacePledge.Batching;
using Modular.Funding.Infrastructure;

namespace Modular.Funding.Features.PlacePledge;

internal sealed class PlacePledgeCommandHandler(
    OpenProjects projects, PledgeBatcher batcher, ModuleDataSource<FundingDbContext> database, TimeProvider clock)
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
            return await FirstAnswerOrAsync(command, PledgeErrors.NotOpen, cancellationToken);
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

    /// <summary>
    /// A retry of a pledge answered before the project closed gets that first answer, not the refusal (its client may
    /// never have seen it); a refusal costs this one lookup only when the request carries a key.
    /// </summary>
    private async Task<PledgeAnswer> FirstAnswerOrAsync(PlacePledgeCommand command, Error refusal, CancellationToken cancellationToken)
    {
        if (command.IdempotencyKey is not { } key)
        {
            return new PledgeAnswer.Refused(refusal);
        }

        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        var stored = await PledgeSql.StoredAnswersAsync(connection, [(command.BackerId, key)]);
        if (!stored.TryGetValue((command.BackerId, key), out var answer))
        {
            return new PledgeAnswer.Refused(refusal);
        }

        return answer.RequestHash == RequestHash(command)
            ? new PledgeAnswer.Stored(answer.StatusCode, answer.PledgeId, answer.Body)
            : new PledgeAnswer.Refused(PledgeErrors.KeyReused);
    }

    /// <summary>What makes two requests "the same" for an Idempotency-Key: the project, tier, amount and card token.</summary>
    private static string RequestHash(PlacePledgeCommand command)
    {
        var canonical = JsonSerializer.Serialize(new { command.ProjectId, command.TierId, command.Amount, command.CardToken }, Json);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
