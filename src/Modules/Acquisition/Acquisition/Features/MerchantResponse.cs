using Modular.Acquisition.Domain;
using Modular.Acquisition.ReadModels;

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

    public static MerchantResponse From(MerchantDocument merchant) => new(
        merchant.Id, merchant.OrganizationId, merchant.Name, merchant.BusinessRegistrationNumber, merchant.FeeRate, merchant.VatRule,
        merchant.SettlementCycle, merchant.Status, merchant.CreatedAt.UtcDateTime, merchant.UpdatedAt.UtcDateTime);
}
