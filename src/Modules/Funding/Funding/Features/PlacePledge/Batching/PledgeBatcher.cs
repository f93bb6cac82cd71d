using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Modular.BuildingBlocks.Infrastructure.Batching;
using Modular.BuildingBlocks.Infrastructure.Messaging.Outbox;
using Modular.BuildingBlocks.Infrastructure.Messaging.Sagas;
using Modular.BuildingBlocks.Infrastructure.Persistence;
using Modular.Funding.Features.PledgeSaga;
using Modular.Funding.Infrastructure;

namespace Modular.Funding.Features.PlacePledge.Batching;

/// <summary>
/// Settles the pledges that arrive while the previous batch is in the database in ONE transaction: the backers' keys
/// claimed, the pledges inserted (the unique partial index <c>pledges_one_live_per_backer</c> drops a backer's second
/// live pledge), each hot tier's row reserved once for the batch's summed demand (one conditional UPDATE that grants
/// what is left), then the sagas and outbox rows. A launch's thousands of backers lock the tier row once per batch
/// instead of once per pledge until its commit. The row's guard (<c>reserved &lt;= quantity</c>) and the index are the
/// single source of truth, so any number of instances can run side by side.
/// </summary>
internal sealed class PledgeBatcher(
    ModuleDataSource<FundingDbContext> database, OutboxSignals outboxSignals, FundingMetrics metrics, IOptions<FundingOptions> options,
    SagaEndpoint<PledgeState> pledgeEndpoint, ILogger<PledgeBatcher> logger)
    : CoalescingBatcher<PendingPledge, PledgeOutcome>(logger, maxBatchSize: 1_000)
{
    protected override PledgeOutcome FollowerOutcome(PendingPledge follower, PendingPledge leader, PledgeOutcome leaderOutcome) =>
        follower.RequestHash == leader.RequestHash ? leaderOutcome : new PledgeOutcome.KeyReused();

    protected override async Task<IReadOnlyDictionary<PendingPledge, PledgeOutcome>> SettleAsync(List<PendingPledge> pledges)
    {
        var outcomes = new Dictionary<PendingPledge, PledgeOutcome>(pledges.Count);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        List<PendingPledge> repeated;
        List<PendingPledge> accepted;
        await using (var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted))
        {
            repeated = await PledgeSql.ClaimKeysAsync(connection, transaction, pledges);
            var fresh = pledges.Except(repeated).ToList();
            var inserted = await PledgeSql.InsertPendingAsync(connection, transaction, fresh);
            var unique = fresh.Where(pledge => inserted.Contains(pledge.PledgeId)).ToList();
            var granted = await PledgeSql.ReserveAsync(connection, transaction, unique);
            var soldOut = new List<PendingPledge>();
            accepted = [];
            foreach (var pledge in unique)
            {
                if (pledge.TierId is not { } tierId || granted[tierId]-- > 0)
                {
                    accepted.Add(pledge);
                }
                else
                {
                    soldOut.Add(pledge);
                }
            }

            var refused = fresh.Except(accepted).ToList();
            await PledgeSql.StoreAsync(connection, transaction, accepted, soldOut, refused.Where(pledge => pledge.IdempotencyKey is not null).ToList(),
                options.Value.PaymentTimeout, pledgeEndpoint.Address);
            await transaction.CommitAsync();
            foreach (var pledge in soldOut)
            {
                outcomes[pledge] = new PledgeOutcome.SoldOut();
            }

            foreach (var pledge in fresh.Where(pledge => !inserted.Contains(pledge.PledgeId)))
            {
                outcomes[pledge] = new PledgeOutcome.AlreadyPledged();
            }
        }

        if (accepted.Count > 0)
        {
            outboxSignals.Wake(FundingModule.ModuleName);
            metrics.Placed(accepted.Count);
        }

        foreach (var pledge in accepted)
        {
            outcomes[pledge] = new PledgeOutcome.Answered(202, pledge.PledgeId, pledge.ResponseBody);
        }

        if (repeated.Count > 0)
        {
            var stored = await PledgeSql.StoredAnswersAsync(connection, repeated);
            foreach (var pledge in repeated)
            {
                outcomes[pledge] = stored.TryGetValue((pledge.BackerId, pledge.IdempotencyKey!), out var answer)
                    ? answer.RequestHash == pledge.RequestHash ? new PledgeOutcome.Answered(answer.StatusCode, answer.PledgeId, answer.Body) : new PledgeOutcome.KeyReused()
                    : throw new InvalidOperationException($"Idempotency key of pledge {pledge.PledgeId} was claimed but no answer is stored.");
            }
        }

        return outcomes;
    }
}
