namespace Modular.Acquisition.Contracts;

/// <summary>
/// A merchant's acquiring settings after each change (registered, updated), for read models and later Settlement.
/// <paramref name="Version"/> grows with every change, so a consumer keeps the highest one whatever the arrival order.
/// <paramref name="FeeRate"/> is a fraction of the amount (0.025 = 2.5 %).
/// </summary>
public sealed record MerchantRecorded(
    Guid MerchantId,
    Guid OrganizationId,
    string Name,
    string? BusinessRegistrationNumber,
    decimal FeeRate,
    string VatRule,
    string SettlementCycle,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version);
