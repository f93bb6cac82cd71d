using Microsoft.EntityFrameworkCore;
using Modular.IAM.Contracts;
using Modular.IAM.Domain;
using Modular.IAM.Infrastructure;

namespace Modular.IAM.Features.Provisioning;

/// <summary>
/// Creates organizations and active users that must exist before anyone can log in (the bootstrap admin, Development
/// demo data). Repeatable: what exists already is left as it is, passwords included.
/// </summary>
internal sealed class AccountProvisioning(IamDbContext db, TimeProvider clock)
{
    public async Task<Organization> EnsureOrganizationAsync(OrganizationKind kind, string name, string registrationNumber, CancellationToken cancellationToken)
    {
        if (await db.Organizations.AsTracking().Include(o => o.Contacts)
                .SingleOrDefaultAsync(o => o.RegistrationNumber == registrationNumber, cancellationToken) is { } existing)
        {
            return existing;
        }

        var organization = Organization.Create(kind, name, registrationNumber, clock.GetUtcNow().UtcDateTime);
        db.Organizations.Add(organization);
        db.Publish(new OrganizationRegistered(
            organization.Id, organization.Kind.ToString(), organization.Name, organization.RegistrationNumber, organization.Status.ToString(), organization.CreatedAt));
        return organization;
    }

    public async Task EnsureUserAsync(string email, string name, Organization? organization, IReadOnlyCollection<string> roles, string password, int iterations, CancellationToken cancellationToken)
    {
        var normalized = EmailAddress.Normalize(email);
        if (await db.Users.AnyAsync(user => user.Email == normalized, cancellationToken))
        {
            return;
        }

        organization?.EnsureMayHold(roles);
        var user = User.Register(email, name, organization?.Id, roles, Password.Create(password, iterations), clock.GetUtcNow().UtcDateTime);
        db.Users.Add(user);
        db.Publish(UserEvents.Registered(user));
    }
}
