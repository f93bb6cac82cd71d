using Modular.Acquisition.Contracts;
using Modular.BuildingBlocks.Infrastructure.ReadModels;

namespace Modular.Acquisition.ReadModels;

/// <summary>A merchant as the merchant list shows it: the state with the highest version seen wins.</summary>
internal sealed record MerchantDocument(
    Guid Id,
    Guid OrganizationId,
    string Name,
    string? BusinessRegistrationNumber,
    decimal FeeRate,
    string VatRule,
    string SettlementCycle,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version) : IReadDocument
{
    /// <summary>An older or repeated state arriving late changes nothing, so any arrival order converges.</summary>
    public static MerchantDocument Newer(MerchantDocument? current, MerchantDocument state) =>
        current is not null && current.Version >= state.Version ? current : state;

    public static MerchantDocument From(MerchantRecorded recorded) => new(
        recorded.MerchantId, recorded.OrganizationId, recorded.Name, recorded.BusinessRegistrationNumber, recorded.FeeRate, recorded.VatRule,
        recorded.SettlementCycle, recorded.Status, recorded.CreatedAt, recorded.UpdatedAt, recorded.Version);
}
