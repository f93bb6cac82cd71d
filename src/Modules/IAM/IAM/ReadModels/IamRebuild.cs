using Microsoft.EntityFrameworkCore;
using Modular.IAM.Infrastructure;

namespace Modular.IAM.ReadModels;

/// <summary>IAM's documents rebuilt from its write model, merged with the same rules as the projections.</summary>
internal static class IamRebuild
{
    public const string Organizations = "iam.organizations";
    public const string Users = "iam.users";

    public static async Task<IReadOnlyCollection<OrganizationDocument>> LoadOrganizationsAsync(IamDbContext db, Guid[] ids, CancellationToken cancellationToken) =>
        (await db.Organizations.Where(organization => ids.Contains(organization.Id)).ToListAsync(cancellationToken))
        .Select(organization => new OrganizationDocument(organization.Id, organization.Kind.ToString(), organization.Name,
            organization.RegistrationNumber, organization.Status.ToString(), organization.CreatedAt))
        .ToList();

    public static async Task<IReadOnlyCollection<UserDocument>> LoadUsersAsync(IamDbContext db, Guid[] ids, CancellationToken cancellationToken) =>
        (await db.Users.Where(user => ids.Contains(user.Id)).ToListAsync(cancellationToken))
        .Select(user => new UserDocument(user.Id, user.Email, user.Name, user.OrganizationId, user.Roles, user.Status.ToString(), user.CreatedAt, user.UpdatedAt))
        .ToList();

    public static OrganizationDocument Replace(OrganizationDocument? current, OrganizationDocument rebuilt) => rebuilt;
}
