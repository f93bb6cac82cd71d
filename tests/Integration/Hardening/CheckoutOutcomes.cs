using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Hardening;

/// <summary>How a set of orders with approving cards ended: each must be paid, by exactly one approved payment.</summary>
internal sealed class CheckoutOutcomes(TestDatabase database, IReadOnlyList<Guid> orders)
{
    public Task<long> StillPendingAsync() => database.ScalarAsync<long>(
        "SELECT count(*) FROM ordering.orders WHERE id = ANY($1) AND status = 'PendingPayment'", orders.ToArray());

    /// <summary>Every order paid once: no order cancelled (for whatever reason), one payment per order and it stands (not voided).</summary>
    public async Task ShouldAllBePaidOnceAsync()
    {
        var cancelled = await database.ScalarAsync<string>(
            "SELECT coalesce(string_agg(DISTINCT cancel_reason, ', '), '') || ' × ' || count(*) FROM ordering.orders WHERE id = ANY($1) AND status = 'Cancelled'",
            orders.ToArray());
        cancelled.ShouldBe(" × 0", "no order is cancelled: the card would have approved each");
        (await database.ScalarAsync<long>("SELECT count(*) FROM ordering.orders WHERE id = ANY($1) AND status = 'Paid'", orders.ToArray()))
            .ShouldBe(orders.Count);
        (await database.ScalarAsync<long>(
                "SELECT count(*) FROM acquisition.payment_transactions WHERE reference = ANY($1) AND status = 'Approved'", orders.ToArray()))
            .ShouldBe(orders.Count, "one approved payment per order, none voided");
        (await database.ScalarAsync<long>("SELECT count(*) FROM acquisition.payment_transactions WHERE reference = ANY($1)", orders.ToArray()))
            .ShouldBe(orders.Count, "one payment per order");
    }
}
