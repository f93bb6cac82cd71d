namespace Modular.Settlement.Contracts;

/// <summary>
/// Settlement's own step of a reconciliation run: compare one page of the day's acquisitions (ids after
/// <paramref name="After"/>) with the ledger and repair it, then ask for the next page. Each page is one inbox
/// transaction, so a run survives restarts and a redelivered page is applied once.
/// </summary>
public sealed record ReconcileLedgerPage(Guid RunId, DateOnly Day, Guid? After, int Page);
