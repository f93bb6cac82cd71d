using Modular.BuildingBlocks.Application.Messaging;

namespace Modular.IAM.Contracts;

/// <summary>
/// Organizations with their billing contacts, for up to 1,000 ids in one database round trip (e.g. Billing addressing
/// a run of invoices). Unknown ids are left out of the answer.
/// </summary>
public sealed record GetOrganizationContacts(IReadOnlyList<Guid> OrganizationIds) : IQuery<IReadOnlyList<OrganizationContacts>>
{
    public const int MaxIds = 1_000;
}

public sealed record OrganizationContacts(
    Guid OrganizationId, string Kind, string Name, string RegistrationNumber, string Status, IReadOnlyList<OrganizationContact> Contacts);

public sealed record OrganizationContact(Guid ContactId, string Name, string Email, bool IsPrimary);

/// <summary>A user's organization, roles and status; null when the user does not exist.</summary>
public sealed record GetUserAccess(Guid UserId) : IQuery<UserAccess?>;

/// <summary>Status is Invited, Active or Disabled; OrganizationId is null for customers.</summary>
public sealed record UserAccess(Guid UserId, string Email, Guid? OrganizationId, IReadOnlyList<string> Roles, string Status);

/// <summary>
/// What another module checks before it stores a reference to an organization: its kind (Platform, Merchant,
/// BillingCustomer) and status (Active, Suspended); null when it does not exist.
/// </summary>
public sealed record GetOrganizationStanding(Guid OrganizationId) : IQuery<OrganizationStanding?>;

public sealed record OrganizationStanding(Guid OrganizationId, string Kind, string Status);

/// <summary>The standing of up to 1,000 organizations in one round trip (e.g. a bulk upload); unknown ids are left out.</summary>
public sealed record GetOrganizationStandings(IReadOnlyList<Guid> OrganizationIds) : IQuery<IReadOnlyList<OrganizationStanding>>
{
    public const int MaxIds = 1_000;
}
