namespace Modular.Acquisition.Features.AuthorizePayment;

/// <summary>
/// Pending transactions are the authorizer's queue; a trigger on the table notifies <see cref="Channel"/> when a row
/// becomes Pending (Sql/0004).
/// </summary>
internal static class AuthorizationQueue
{
    public const string Channel = "acquisition_authorizations";

    /// <summary>
    /// Leases up to $1 due pending transactions for $2 seconds (oldest first; rows another instance holds are
    /// skipped) and returns what the network needs. Served by payment_transactions_pending.
    /// </summary>
    public const string Claim = """
        UPDATE acquisition.payment_transactions p SET leased_until = now() + make_interval(secs => $2)
          FROM (SELECT id FROM acquisition.payment_transactions
                 WHERE status = 'Pending' AND (leased_until IS NULL OR leased_until < now())
                 ORDER BY requested_at LIMIT $1 FOR UPDATE SKIP LOCKED) due
         WHERE p.id = due.id
        RETURNING p.id, p.merchant_id, p.reference, p.amount, p.card_token
        """;
}
