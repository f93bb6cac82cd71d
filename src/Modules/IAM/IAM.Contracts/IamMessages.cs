namespace Modular.IAM.Contracts;

/// <summary>An organization was created. Kind is Platform, Merchant or BillingCustomer.</summary>
public sealed record OrganizationRegistered(
    Guid OrganizationId, string Kind, string Name, string RegistrationNumber, string Status, DateTimeOffset CreatedAt);

/// <summary>
/// A user exists (Active when registered with a password, Invited when invited). Carries the user's whole public
/// state so a projection can apply it in any order relative to <see cref="UserActivated"/>.
/// </summary>
public sealed record UserRegistered(
    Guid UserId, string Email, string Name, Guid? OrganizationId, IReadOnlyList<string> Roles, string Status, DateTimeOffset OccurredAt);

/// <summary>An invited user accepted the invitation and is now Active.</summary>
public sealed record UserActivated(
    Guid UserId, string Email, string Name, Guid? OrganizationId, IReadOnlyList<string> Roles, DateTimeOffset OccurredAt);

/// <summary>An admin disabled the user: it can no longer log in.</summary>
public sealed record UserDisabled(
    Guid UserId, string Email, string Name, Guid? OrganizationId, IReadOnlyList<string> Roles, DateTimeOffset OccurredAt);

/// <summary>A bulk invitation was accepted for processing (IAM's own work item, through its outbox).</summary>
public sealed record InvitationJobSubmitted(Guid JobId);
