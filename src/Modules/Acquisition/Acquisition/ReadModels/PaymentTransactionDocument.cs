using Modular.Acquisition.Contracts;
using Modular.BuildingBlocks.Infrastructure.ReadModels;

namespace Modular.Acquisition.ReadModels;

/// <summary>A payment transaction as the transaction list shows it: the state with the highest version seen wins.</summary>
internal sealed class PaymentTransactionDocument : IReadDocument
{
    public Guid Id { get; init; }

    public Guid MerchantId { get; set; }

    public Guid OrganizationId { get; set; }

    public Guid Reference { get; set; }

    public long Amount { get; set; }

    public string? CardBin { get; set; }

    public string? CardLast4 { get; set; }

    public string Status { get; set; } = "";

    public string? ApprovalNumber { get; set; }

    public string? DeclineCode { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public DateTimeOffset? ApprovedAt { get; set; }

    public DateTimeOffset? DeclinedAt { get; set; }

    public DateTimeOffset? CanceledAt { get; set; }

    public int Version { get; set; }

    /// <summary>An older or repeated state arriving late changes nothing, so any arrival order converges.</summary>
    public static PaymentTransactionDocument Newer(PaymentTransactionDocument? current, PaymentTransactionDocument state) =>
        current is not null && current.Version >= state.Version ? current : state;

    public static PaymentTransactionDocument From(PaymentTransactionRecorded recorded) => new()
    {
        Id = recorded.PaymentId,
        MerchantId = recorded.MerchantId,
        OrganizationId = recorded.OrganizationId,
        Reference = recorded.Reference,
        Amount = recorded.Amount,
        CardBin = recorded.CardBin,
        CardLast4 = recorded.CardLast4,
        Status = recorded.Status,
        ApprovalNumber = recorded.ApprovalNumber,
        DeclineCode = recorded.DeclineCode,
        RequestedAt = recorded.RequestedAt,
        ApprovedAt = recorded.ApprovedAt,
        DeclinedAt = recorded.DeclinedAt,
        CanceledAt = recorded.CanceledAt,
        Version = recorded.Version,
    };
}
