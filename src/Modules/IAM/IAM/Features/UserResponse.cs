using Modular.IAM.Contracts;
using Modular.IAM.Domain;

namespace Modular.IAM.Features;

internal sealed record UserResponse(Guid Id, string Email, string Name, Guid? OrganizationId, IReadOnlyList<string> Roles, string Status)
{
    public static UserResponse From(User user) => new(user.Id, user.Email, user.Name, user.OrganizationId, user.Roles, user.Status.ToString());
}

internal static class UserEvents
{
    public static UserRegistered Registered(User user) =>
        new(user.Id, user.Email, user.Name, user.OrganizationId, user.Roles, user.Status.ToString(), user.UpdatedAt);

    public static UserActivated Activated(User user) =>
        new(user.Id, user.Email, user.Name, user.OrganizationId, user.Roles, user.UpdatedAt);

    public static UserDisabled Disabled(User user) =>
        new(user.Id, user.Email, user.Name, user.OrganizationId, user.Roles, user.UpdatedAt);
}
