using Microsoft.EntityFrameworkCore;
using Modular.BuildingBlocks.Application.Security;
using Modular.IAM.Domain;
using Modular.IAM.Infrastructure;

namespace Modular.IAM.Features;

internal static class OrganizationAccess
{
    /// <summary>
    /// The organization whose users the caller wants to manage: a platform admin manages any, a merchant admin only its
    /// own and only merchant roles (the organization kind's role rule ensures that).
    /// </summary>
    public static async Task<Organization> ManagedAsync(this IamDbContext db, ICurrentUser user, Guid organizationId, IReadOnlyCollection<string> roles, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(Roles.PlatformAdmin) && !(user.IsInRole(Roles.MerchantAdmin) && user.OrganizationId == organizationId))
        {
            throw user.CanSee(organizationId) ? IamErrors.MayNotManage() : IamErrors.OrganizationNotFound(organizationId);
        }

        var organization = await db.Organizations.SingleOrDefaultAsync(o => o.Id == organizationId, cancellationToken)
            ?? throw IamErrors.OrganizationNotFound(organizationId);
        organization.EnsureMayHold(roles);
        return organization;
    }
}
