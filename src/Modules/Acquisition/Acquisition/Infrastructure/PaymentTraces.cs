using Modular.BuildingBlocks.Infrastructure.Messaging.Outbox;
using Modular.Acquisition.Domain;

namespace Modular.Acquisition.Infrastructure;

/// <summary>
/// The trace of the AuthorizePayment that created a transaction, kept with the row (a shadow property: the domain does not
/// care) because the answer is recorded later by the authorizer's own loop, which has no trace of its own. With it, the
/// answer and what follows (the checkout saga, the projections) join the order's trace.
/// </summary>
internal static class PaymentTraces
{
    public const string Property = "TraceContext";

    public static void RememberTrace(this AcquisitionDbContext db, PaymentTransaction payment) =>
        db.Entry(payment).Property<string?>(Property).CurrentValue = OutboxTraceContext.Capture();

    /// <summary>The current span when there is one (a consumer), else the trace the transaction was requested in.</summary>
    public static string? TraceOf(this AcquisitionDbContext db, PaymentTransaction payment) =>
        OutboxTraceContext.Capture() ?? db.Entry(payment).Property<string?>(Property).CurrentValue;
}
