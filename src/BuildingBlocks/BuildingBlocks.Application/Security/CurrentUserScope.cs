namespace Modular.BuildingBlocks.Application.Security;

/// <summary>Organization scoping shared by every module's query handlers.</summary>
public static class CurrentUserScope
{
    public static bool IsInRole(this ICurrentUser user, string role) => user.Roles.Contains(role);

    public static bool IsOperator(this ICurrentUser user) => Roles.Operators.Any(user.Roles.Contains);

    /// <summary>An operator or a merchant's staff: who may read beyond their own purchases (scoped by <see cref="CanSee"/>).</summary>
    public static bool IsStaff(this ICurrentUser user) =>
        user.IsOperator() || user.IsInRole(Roles.MerchantAdmin) || user.IsInRole(Roles.MerchantUser);

    /// <summary>
    /// The only organization whose data the caller may see, or null when the caller is an operator and sees all.
    /// A non-operator without an organization gets <see cref="Guid.Empty"/>, which matches nothing.
    /// </summary>
    public static Guid? VisibleOrganization(this ICurrentUser user) =>
        user.IsOperator() ? null : user.OrganizationId ?? Guid.Empty;

    /// <summary>True when the caller may see data that belongs to <paramref name="organizationId"/>.</summary>
    public static bool CanSee(this ICurrentUser user, Guid organizationId) =>
        user.VisibleOrganization() is not { } only || only == organizationId;
}
