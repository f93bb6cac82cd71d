using Modular.Acquisition.Domain;

namespace Modular.Acquisition.Features;

internal sealed record MerchantResponse(
    Guid Id,
    Guid OrganizationId,
    string Name,
    string? BusinessRegistrationNumber,
    decimal FeeRate,
    string VatRule,
    string SettlementCycle,
    string Status,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public static MerchantResponse From(Merchant merchant) => new(
        merchant.Id, merchant.OrganizationId, merchant.Name, merchant.BusinessRegistrationNumber, merchant.FeeRate,
        merchant.VatRule.ToString(), merchant.SettlementCycle.ToString(), merchant.Status.ToString(), merchant.CreatedAt, merchant.UpdatedAt);
}
