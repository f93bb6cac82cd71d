using MassTransit;
using Microsoft.EntityFrameworkCore;
using Modular.IAM.Contracts;
using Modular.IAM.Infrastructure;

namespace Modular.IAM.ReadModels;

/// <summary>Organizations never change after creation yet, so an insert that ignores a redelivery is enough.</summary>
internal sealed class OrganizationRegisteredProjection(IamDbContext db) : IConsumer<OrganizationRegistered>
{
    public Task Consume(ConsumeContext<OrganizationRegistered> context)
    {
        var organization = context.Message;
        return db.Database.ExecuteSqlInterpolatedAsync(
            $"""
             INSERT INTO iam_read.organizations (id, kind, name, registration_number, status, created_at)
             VALUES ({organization.OrganizationId}, {organization.Kind}, {organization.Name}, {organization.RegistrationNumber}, {organization.Status}, {organization.CreatedAt.UtcDateTime})
             ON CONFLICT (id) DO NOTHING
             """, context.CancellationToken);
    }
}

internal sealed class UserRegisteredProjection(IamDbContext db) : IConsumer<UserRegistered>
{
    public Task Consume(ConsumeContext<UserRegistered> context)
    {
        var user = context.Message;
        return UserRows.UpsertAsync(db, user.UserId, user.Email, user.Name, user.OrganizationId, user.Roles, user.Status, user.OccurredAt, context.CancellationToken);
    }
}

internal sealed class UserActivatedProjection(IamDbContext db) : IConsumer<UserActivated>
{
    public Task Consume(ConsumeContext<UserActivated> context)
    {
        var user = context.Message;
        return UserRows.UpsertAsync(db, user.UserId, user.Email, user.Name, user.OrganizationId, user.Roles, "Active", user.OccurredAt, context.CancellationToken);
    }
}

internal sealed class UserDisabledProjection(IamDbContext db) : IConsumer<UserDisabled>
{
    public Task Consume(ConsumeContext<UserDisabled> context)
    {
        var user = context.Message;
        return UserRows.UpsertAsync(db, user.UserId, user.Email, user.Name, user.OrganizationId, user.Roles, "Disabled", user.OccurredAt, context.CancellationToken);
    }
}

internal static class UserRows
{
    /// <summary>Every user event carries the whole row; the newest one wins, whatever order they arrive in.</summary>
    public static Task UpsertAsync(
        IamDbContext db, Guid id, string email, string name, Guid? organizationId, IReadOnlyList<string> roles, string status, DateTimeOffset at,
        CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync(
            $"""
             INSERT INTO iam_read.users (id, email, name, organization_id, roles, status, created_at, updated_at)
             VALUES ({id}, {email}, {name}, {organizationId}, {roles.ToArray()}, {status}, {at.UtcDateTime}, {at.UtcDateTime})
             ON CONFLICT (id) DO UPDATE
                SET email = EXCLUDED.email, name = EXCLUDED.name, organization_id = EXCLUDED.organization_id, roles = EXCLUDED.roles,
                    status = EXCLUDED.status, updated_at = EXCLUDED.updated_at
              WHERE iam_read.users.updated_at <= EXCLUDED.updated_at
             """, cancellationToken);
}
