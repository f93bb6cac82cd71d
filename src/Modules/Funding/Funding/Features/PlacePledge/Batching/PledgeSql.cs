using Modular.Acquisition.Contracts;
using Modular.BuildingBlocks.Infrastructure.Messaging.Outbox;
using Modular.Funding.Contracts;
using Modular.Funding.Infrastructure;
using Npgsql;

namespace Modular.Funding.Features.PlacePledge.Batching;

/// <summary>The pledge batcher's statements: each is one round trip for the whole batch (arrays + unnest).</summary>
internal static class PledgeSql
{
    /// <summary>Claims the batch's Idempotency-Keys; returns the pledges whose key was already taken within 24 h.</summary>
    public static async Task<List<PendingPledge>> ClaimKeysAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<PendingPledge> pledges)
    {
        var keyed = pledges.Where(pledge => pledge.IdempotencyKey is not null).ToList();
        if (keyed.Count == 0)
        {
            return [];
        }

        // A conflicting claim of another transaction makes this wait for it; an expired row is taken over.
        const string sql = """
            INSERT INTO funding.pledge_keys AS k (backer_id, key, request_hash, status_code, pledge_id, response_body, created_at)
            SELECT backer_id, key, request_hash, 202, pledge_id, body, now()
              FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::text[]) AS r(backer_id, key, request_hash, pledge_id, body)
            ON CONFLICT (backer_id, key) DO UPDATE
               SET request_hash = excluded.request_hash, status_code = excluded.status_code, pledge_id = excluded.pledge_id,
                   response_body = excluded.response_body, created_at = excluded.created_at
             WHERE k.created_at < now() - interval '24 hours'
            RETURNING backer_id, key
            """;
        await using var command = new NpgsqlCommand(sql, connection, transaction)
        {
            Parameters =
            {
                new NpgsqlParameter { Value = keyed.Select(pledge => pledge.BackerId).ToArray() },
                new NpgsqlParameter { Value = keyed.Select(pledge => pledge.IdempotencyKey!).ToArray() },
                new NpgsqlParameter { Value = keyed.Select(pledge => pledge.RequestHash).ToArray() },
                new NpgsqlParameter { Value = keyed.Select(pledge => pledge.PledgeId).ToArray() },
                new NpgsqlParameter { Value = keyed.Select(pledge => pledge.ResponseBody).ToArray() },
            },
        };
        var claimed = new HashSet<(Guid, string)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                claimed.Add((reader.GetGuid(0), reader.GetString(1)));
            }
        }

        return keyed.Where(pledge => !claimed.Contains((pledge.BackerId, pledge.IdempotencyKey!))).ToList();
    }

    /// <summary>
    /// Inserts the pledges Pending; one that would be a backer's second live pledge to a project (already stored, in a
    /// concurrent transaction, or earlier in this batch) is skipped by <c>pledges_one_live_per_backer</c>. Returns the inserted ids.
    /// </summary>
    public static async Task<HashSet<Guid>> InsertPendingAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<PendingPledge> pledges)
    {
        if (pledges.Count == 0)
        {
            return [];
        }

        const string sql = """
            INSERT INTO funding.pledges (id, project_id, organization_id, merchant_id, backer_id, tier_id, amount, card_token, status, created_at, updated_at)
            SELECT id, project_id, organization_id, merchant_id, backer_id, tier_id, amount, card_token, 'Pending', created_at, created_at
              FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[], $7::bigint[], $8::text[], $9::timestamptz[])
                   WITH ORDINALITY AS p(id, project_id, organization_id, merchant_id, backer_id, tier_id, amount, card_token, created_at, n)
             ORDER BY n
            ON CONFLICT (project_id, backer_id) WHERE status IN ('Pending', 'Completed') DO NOTHING
            RETURNING id
            """;
        await using var command = new NpgsqlCommand(sql, connection, transaction)
        {
            Parameters =
            {
                new NpgsqlParameter { Value = pledges.Select(pledge => pledge.PledgeId).ToArray() },
                new NpgsqlParameter { Value = pledges.Select(pledge => pledge.ProjectId).ToArray() },
                new NpgsqlParameter { Value = pledges.Select(pledge => pledge.OrganizationId).ToArray() },
                new NpgsqlParameter { Value = pledges.Select(pledge => pledge.MerchantId).ToArray() },
                new NpgsqlParameter { Value = pledges.Select(pledge => pledge.BackerId).ToArray() },
                new NpgsqlParameter { Value = pledges.Select(pledge => pledge.TierId).ToArray() },
                new NpgsqlParameter { Value = pledges.Select(pledge => pledge.Amount).ToArray() },
                new NpgsqlParameter { Value = pledges.Select(pledge => pledge.CardToken).ToArray() },
                new NpgsqlParameter { Value = pledges.Select(pledge => pledge.PledgedAt).ToArray() },
            },
        };
        var inserted = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            inserted.Add(reader.GetGuid(0));
        }

        return inserted;
    }

    /// <summary>
    /// One conditional UPDATE per tier for the batch's summed demand that grants what is left (all of it on an unlimited
    /// tier); returns the units granted per tier. The CTE locks the rows in id order (two instances' batches cannot
    /// deadlock on them) and reads their latest committed count, which the UPDATE's RETURNING could not show.
    /// </summary>
    public static async Task<Dictionary<Guid, int>> ReserveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<PendingPledge> pledges)
    {
        var demand = pledges.Where(pledge => pledge.TierId is not null).GroupBy(pledge => pledge.TierId!.Value)
            .Select(group => (TierId: group.Key, Count: group.Count())).ToList();
        var granted = demand.ToDictionary(tier => tier.TierId, _ => 0);
        if (demand.Count == 0)
        {
            return granted;
        }

        const string sql = """
            WITH d AS (SELECT * FROM unnest($1::uuid[], $2::integer[]) AS d(id, n)),
                 current AS (
                     SELECT t.id, least(d.n, coalesce(t.quantity - t.reserved, d.n)) AS granted
                       FROM funding.reward_tiers t JOIN d ON d.id = t.id
                      ORDER BY t.id
                        FOR UPDATE OF t)
            UPDATE funding.reward_tiers t SET reserved = t.reserved + c.granted
              FROM current c WHERE t.id = c.id AND c.granted > 0
            RETURNING t.id, c.granted
            """;
        await using var command = new NpgsqlCommand(sql, connection, transaction)
        {
            Parameters =
            {
                new NpgsqlParameter { Value = demand.Select(tier => tier.TierId).ToArray() },
                new NpgsqlParameter { Value = demand.Select(tier => tier.Count).ToArray() },
            },
        };
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            granted[reader.GetGuid(0)] = reader.GetInt32(1);
        }

        return granted;
    }

    /// <summary>
    /// Removes the sold-out pledges and frees the keys of refused ones (a refusal stores nothing), and writes the accepted
    /// pledges' sagas (already waiting for payment) and outbox rows (AuthorizePayment, PledgeChanged): one round trip.
    /// </summary>
    public static async Task StoreAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, List<PendingPledge> accepted, List<PendingPledge> soldOut,
        List<PendingPledge> refusedWithKeys, TimeSpan paymentTimeout, Uri answerTo)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        if (soldOut.Count > 0)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("DELETE FROM funding.pledges WHERE id = ANY($1)")
            {
                Parameters = { new NpgsqlParameter { Value = soldOut.Select(pledge => pledge.PledgeId).ToArray() } },
            });
        }

        if (refusedWithKeys.Count > 0)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(
                "DELETE FROM funding.pledge_keys WHERE (backer_id, key) IN (SELECT * FROM unnest($1::uuid[], $2::text[]))")
            {
                Parameters =
                {
                    new NpgsqlParameter { Value = refusedWithKeys.Select(pledge => pledge.BackerId).ToArray() },
                    new NpgsqlParameter { Value = refusedWithKeys.Select(pledge => pledge.IdempotencyKey!).ToArray() },
                },
            });
        }

        if (accepted.Count > 0)
        {
            batch.BatchCommands.Add(InsertSagas(accepted, paymentTimeout));
            batch.BatchCommands.Add(OutboxBatchCommand.Publish(
                FundingModule.ModuleName,
                [
                    .. accepted.Select(PlacedOf),
                    .. accepted.Select(pledge => new AuthorizePayment(pledge.MerchantId, pledge.PledgeId, pledge.Amount, pledge.CardToken, answerTo)),
                ]));
        }

        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync();
        }
    }

    public static Task<Dictionary<(Guid BackerId, string Key), (string RequestHash, int StatusCode, Guid PledgeId, string Body)>> StoredAnswersAsync(
        NpgsqlConnection connection, List<PendingPledge> pledges) =>
        StoredAnswersAsync(connection, [.. pledges.Select(pledge => (pledge.BackerId, pledge.IdempotencyKey!))]);

    /// <summary>The first answers stored for these (backer, Idempotency-Key) pairs within the last 24 h.</summary>
    public static async Task<Dictionary<(Guid BackerId, string Key), (string RequestHash, int StatusCode, Guid PledgeId, string Body)>> StoredAnswersAsync(
        NpgsqlConnection connection, IReadOnlyList<(Guid BackerId, string Key)> keys)
    {
        const string sql = """
            SELECT backer_id, key, request_hash, status_code, pledge_id, response_body FROM funding.pledge_keys
             WHERE (backer_id, key) IN (SELECT * FROM unnest($1::uuid[], $2::text[])) AND created_at > now() - interval '24 hours'
            """;
        await using var command = new NpgsqlCommand(sql, connection)
        {
            Parameters =
            {
                new NpgsqlParameter { Value = keys.Select(key => key.BackerId).ToArray() },
                new NpgsqlParameter { Value = keys.Select(key => key.Key).ToArray() },
            },
        };
        var answers = new Dictionary<(Guid, string), (string, int, Guid, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            answers[(reader.GetGuid(0), reader.GetString(1))] = (reader.GetString(2), reader.GetInt32(3), reader.GetGuid(4), reader.GetString(5));
        }

        return answers;
    }

    /// <summary>The pledge saga starts here, in the pledge's own transaction, instead of one more message hop per pledge.</summary>
    private static NpgsqlBatchCommand InsertSagas(List<PendingPledge> pledges, TimeSpan paymentTimeout) => new("""
        INSERT INTO funding.pledge_states (correlation_id, current_state, merchant_id, amount, pledged_at, payment_deadline)
        SELECT id, 'AwaitingPayment', merchant_id, amount, pledged_at, deadline
          FROM unnest($1::uuid[], $2::uuid[], $3::bigint[], $4::timestamptz[], $5::timestamptz[]) AS s(id, merchant_id, amount, pledged_at, deadline)
        """)
    {
        Parameters =
        {
            new NpgsqlParameter { Value = pledges.Select(pledge => pledge.PledgeId).ToArray() },
            new NpgsqlParameter { Value = pledges.Select(pledge => pledge.MerchantId).ToArray() },
            new NpgsqlParameter { Value = pledges.Select(pledge => pledge.Amount).ToArray() },
            new NpgsqlParameter { Value = pledges.Select(pledge => pledge.PledgedAt).ToArray() },
            new NpgsqlParameter { Value = pledges.Select(pledge => pledge.PledgedAt + paymentTimeout).ToArray() },
        },
    };

    private static PledgeChanged PlacedOf(PendingPledge pledge)
    {
        var at = new DateTimeOffset(pledge.PledgedAt, TimeSpan.Zero);
        return new PledgeChanged(
            pledge.PledgeId, pledge.ProjectId, pledge.OrganizationId, pledge.BackerId, pledge.TierId, pledge.Amount, PledgeRows.Pending,
            PreviousStatus: null, Reason: null, at, at);
    }
}
