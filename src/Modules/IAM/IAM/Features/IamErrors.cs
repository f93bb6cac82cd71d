using Modular.BuildingBlocks.Domain.Errors;

namespace Modular.IAM.Features;

internal static class IamErrors
{
    public static readonly Error EmailTaken = Error.Conflict("iam.email_taken", "A user with this e-mail address already exists.");

    public static readonly Error RegistrationNumberTaken =
        Error.Conflict("iam.registration_number_taken", "An organization with this business registration number already exists.");

    /// <summary>Unique indexes of the write model and the conflict each one means (answered by the platform on a race).</summary>
    public static readonly IReadOnlyDictionary<string, Error> ByUniqueIndex = new Dictionary<string, Error>
    {
        ["users_email"] = EmailTaken,
        ["organizations_registration_number"] = RegistrationNumberTaken,
    };

    /// <summary>Also the answer for an organization the caller may not see, so its existence is not revealed.</summary>
    public static DomainException OrganizationNotFound(Guid id) =>
        new(Error.NotFound("iam.organization_not_found", $"Organization {id} was not found."));

    /// <summary>Also the answer for a user the caller may not see or manage.</summary>
    public static DomainException UserNotFound(Guid id) =>
        new(Error.NotFound("iam.user_not_found", $"User {id} was not found."));

    public static DomainException MayNotManage() =>
        new(Error.Forbidden("iam.not_your_organization", "Only a platform admin or the organization's own admin may manage its users."));
}
