using Modular.Acquisition.Contracts;
using Modular.Acquisition.Domain;
using Modular.Acquisition.Infrastructure;

namespace Modular.Acquisition.Features.Acquire;

/// <summary>
/// Checks an item completely before it is priced: all its reasons are collected. A missing or malformed fee rate is an
/// error, never a fee of 0; so is a VAT rule that is missing or unknown.
/// </summary>
internal static class AcquisitionValidation
{
    public const string PayMethodCard = "Card";

    public static (AcquisitionEntry? Entry, List<AcquiringReason> Reasons) Validate(AcquiringCandidate item, long maxAmount, DateTime now)
    {
        var reasons = new List<AcquiringReason>();
        if (item.Amount <= 0 || item.Amount > maxAmount)
        {
            reasons.Add(new("amount.out_of_range", $"The amount {item.Amount} is outside 1–{maxAmount} KRW."));
        }

        if (string.IsNullOrWhiteSpace(item.ApprovalNumber))
        {
            reasons.Add(new("approval_number.missing", "The payment has no approval number."));
        }

        var charges = item.Kind == AcquisitionKind.Cancellation ? CancellationCharges(item, reasons) : PaymentCharges(item, reasons);
        if (reasons.Count > 0)
        {
            return (null, reasons);
        }

        var entry = new AcquisitionEntry(
            Guid.CreateVersion7(), item.Kind.ToString(), item.PaymentId, item.MerchantId, item.OrganizationId, item.Reference,
            item.ApprovalNumber!, PayMethodCard, item.CardBin, item.Amount, charges!.Fee, charges.Vat, item.ApprovedAt.AsUtc(),
            item.CanceledAt is { } canceled ? canceled.AsUtc() : null, now.AsUtc());
        return (entry, reasons);
    }

    private static AcquisitionCharges? PaymentCharges(AcquiringCandidate item, List<AcquiringReason> reasons)
    {
        if (item.Merchant is not { } merchant)
        {
            reasons.Add(new("merchant.unknown", $"Merchant {item.MerchantId} does not exist."));
            return null;
        }

        var feeRate = merchant.FeeRate;
        if (feeRate is null)
        {
            reasons.Add(new("fee_rate.missing", "The merchant has no fee rate."));
        }
        else if (feeRate <= 0m || feeRate >= Merchant.MaxFeeRateExclusive)
        {
            reasons.Add(new("fee_rate.out_of_range", $"The merchant's fee rate {feeRate} is not above 0 and below {Merchant.MaxFeeRateExclusive}."));
        }

        VatRule? vatRule = null;
        if (string.IsNullOrWhiteSpace(merchant.VatRule))
        {
            reasons.Add(new("vat_rule.missing", "The merchant has no VAT rule."));
        }
        else if (Enum.GetNames<VatRule>().Contains(merchant.VatRule, StringComparer.Ordinal))
        {
            vatRule = Enum.Parse<VatRule>(merchant.VatRule);
        }
        else
        {
            reasons.Add(new("vat_rule.unknown", $"The merchant's VAT rule '{merchant.VatRule}' is none of {string.Join(", ", Enum.GetNames<VatRule>())}."));
        }

        return reasons.Count == 0 ? AcquisitionCharges.For(item.Amount, feeRate!.Value, vatRule!.Value) : null;
    }

    private static AcquisitionCharges? CancellationCharges(AcquiringCandidate item, List<AcquiringReason> reasons)
    {
        if (item.CanceledAt is null)
        {
            reasons.Add(new("canceled_at.missing", "The canceled payment has no cancel time."));
        }

        return item.PaymentCharges;
    }
}
