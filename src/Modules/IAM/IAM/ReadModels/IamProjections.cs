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

/// <summary>
/// The user projections take their events in batches, one statement per batch: a 1,000-row invitation registers 1,000
/// users at once, and a transaction per event kept the module's connections and cores busy while its requests waited.
/// </summary>
internal sealed class UserRegisteredProjection(IamDbContext db) : IConsumer<Batch<UserRegistered>>
{
    public Task Consume(ConsumeContext<Batch<UserRegistered>> context) => UserRows.UpsertAsync(db, context.Message
        .Select(e => new UserRow(e.Message.UserId, e.Message.Email, e.Message.Name, e.Message.OrganizationId, e.Message.Roles, e.Message.Status, e.Message.OccurredAt))
        .ToList(), context.CancellationToken);
}

internal sealed class UserActivatedProjection(IamDbContext db) : IConsumer<Batch<UserActivated>>
{
    public Task Consume(ConsumeContext<Batch<UserActivated>> context) => UserRows.UpsertAsync(db, context.Message
        .Select(e => new UserRow(e.Message.UserId, e.Message.Email, e.Message.Name, e.Message.OrganizationId, e.Message.Roles, "Active", e.Message.OccurredAt))
        .ToList(), context.CancellationToken);
}

internal sealed class UserDisabledProjection(IamDbContext db) : IConsumer<Batch<UserDisabled>>
{
    public Task Consume(ConsumeContext<Batch<UserDisabled>> context) => UserRows.UpsertAsync(db, context.Message
        .Select(e => new UserRow(e.Message.UserId, e.Message.Email, e.Message.Name, e.Message.OrganizationId, e.Message.Roles, "Disabled", e.Message.OccurredAt))
        .ToList(), context.CancellationToken);
}

internal sealed record UserRow(Guid Id, string Email, string Name, Guid? OrganizationId, IReadOnlyList<string> Roles, string Status, DateTimeOffset At);

internal static class UserRows
{
    /// <summary>
    /// Every user event carries the whole row; the newest one wins, whatever order they arrive in. One row per user per
    /// statement (an upsert may touch a row once): its newest state in the batch. Roles travel joined by commas (role
    /// names have none), as a text[][] would have to be rectangular.
    /// </summary>
    public static Task UpsertAsync(IamDbContext db, IReadOnlyList<UserRow> events, CancellationToken cancellationToken)
    {
        var rows = events.GroupBy(row => row.Id).Select(states => states.MaxBy(row => row.At)!).ToList();
        return db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO iam_read.users AS u (id, email, name, organization_id, roles, status, created_at, updated_at)
            SELECT id, email, name, organization_id, string_to_array(roles, ','), status, at, at
              FROM unnest({0}::uuid[], {1}::text[], {2}::text[], {3}::uuid[], {4}::text[], {5}::text[], {6}::timestamptz[])
                   AS x(id, email, name, organization_id, roles, status, at)
            ON CONFLICT (id) DO UPDATE
               SET email = EXCLUDED.email, name = EXCLUDED.name, organization_id = EXCLUDED.organization_id, roles = EXCLUDED.roles,
                   status = EXCLUDED.status, updated_at = EXCLUDED.updated_at
             WHERE u.updated_at <= EXCLUDED.updated_at
            """,
            [rows.Select(row => row.Id).ToArray(), rows.Select(row => row.Email).ToArray(), rows.Select(row => row.Name).ToArray(),
             rows.Select(row => row.OrganizationId).ToArray(), rows.Select(row => string.Join(',', row.Roles)).ToArray(),
             rows.Select(row => row.Status).ToArray(), rows.Select(row => row.At.UtcDateTime).ToArray()],
            cancellationToken);
    }
}
