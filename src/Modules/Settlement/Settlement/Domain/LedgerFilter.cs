namespace Modular.Settlement.Domain;

/// <summary>
/// The ledger's filters, shared by search and exports. Date ranges are half-open [from, to); each field, when set, must
/// match exactly. <see cref="OrganizationId"/> is the caller's tenant scope, never a user's input.
/// </summary>
internal sealed record LedgerFilter(
    DateTimeOffset? RequestedFrom,
    DateTimeOffset? RequestedTo,
    DateTimeOffset? SubmittedFrom,
    DateTimeOffset? SubmittedTo,
    string? Pg,
    string? PayMethod,
    string? ServiceType,
    string? SubmitType,
    string? TransactionType)
{
    public const int MaxTextLength = 40;

    /// <summary>
    /// Pages and exports follow the submit date when only it bounds the rows (the request-date order would walk every
    /// newer row first); otherwise the request date.
    /// </summary>
    public bool OrdersBySubmission => (SubmittedFrom is not null || SubmittedTo is not null) && RequestedFrom is null && RequestedTo is null;
}
