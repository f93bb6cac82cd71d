using Modular.BuildingBlocks.Application.Messaging;

namespace Modular.Acquisition.Contracts;

/// <summary>
/// What another module checks before it stores a reference to a merchant (a product's): the organization it belongs to
/// and its status (Active, Suspended); null when it does not exist.
/// </summary>
public sealed record GetMerchantStanding(Guid MerchantId) : IQuery<MerchantStanding?>;

public sealed record MerchantStanding(Guid MerchantId, Guid OrganizationId, string Status);
