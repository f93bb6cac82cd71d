namespace Modular.Acquisition.ReadModels;

internal sealed record TransactionSummary(
    Guid Id,
    Guid MerchantId,
    Guid Reference,
    long Amount,
    string? CardBin,
    string? CardLast4,
    string Status,
    string? ApprovalNumber,
    string? DeclineCode,
    DateTime RequestedAt,
    DateTime? ApprovedAt,
    DateTime? DeclinedAt,
    DateTime? CanceledAt)
{
    public static TransactionSummary From(PaymentTransactionDocument transaction) => new(
        transaction.Id, transaction.MerchantId, transaction.Reference, transaction.Amount, transaction.CardBin, transaction.CardLast4,
        transaction.Status, transaction.ApprovalNumber, transaction.DeclineCode, transaction.RequestedAt.UtcDateTime,
        transaction.ApprovedAt?.UtcDateTime, transaction.DeclinedAt?.UtcDateTime, transaction.CanceledAt?.UtcDateTime);
}
