namespace Modular.Settlement.Domain;

/// <summary>The closed vocabularies of the ledger's kind fields (each a search filter).</summary>
internal static class LedgerKinds
{
    public const string Payment = "Payment";
    public const string Cancellation = "Cancellation";
    public const string Fee = "Fee";

    public const string Acquiring = "Acquiring";
    public const string PgFee = "PgFee";

    public const string SameDay = "SameDay";
    public const string Deferred = "Deferred";

    public const string Void = "Void";
    public const string Refund = "Refund";

    public static IReadOnlyList<string> TransactionTypes { get; } = [Payment, Cancellation, Fee];
    public static IReadOnlyList<string> ServiceTypes { get; } = [Acquiring, PgFee];
    public static IReadOnlyList<string> SubmitTypes { get; } = [SameDay, Deferred];
}
