using MassTransit;
using Modular.BuildingBlocks.Infrastructure.ReadModels;
using Modular.IAM.Contracts;
using Modular.IAM.Infrastructure;

namespace Modular.IAM.ReadModels;

/// <summary>Organizations never change after creation yet, so a redelivery stores the same document again.</summary>
internal sealed class OrganizationRegisteredProjection(ReadStore<IamDbContext> store, IamDbContext db) : IConsumer<OrganizationRegistered>
{
    public Task Consume(ConsumeContext<OrganizationRegistered> context) =>
        store.ApplyAsync<IamDbContext, OrganizationDocument, OrganizationRegistered>(
            db, [context.Message], registered => registered.OrganizationId, (_, _, registered) => OrganizationDocument.From(registered),
            context.CancellationToken);
}

/// <summary>
/// The user projections take their events in batches, one session per batch: a 1,000-row invitation registers 1,000
/// users at once, and a transaction per event kept the module's connections and cores busy while its requests waited.
/// </summary>
internal sealed class UserRegisteredProjection(ReadStore<IamDbContext> store, IamDbContext db) : IConsumer<Batch<UserRegistered>>
{
    public Task Consume(ConsumeContext<Batch<UserRegistered>> context) => UserProjection.ApplyAsync(store, db, context.Message
        .Select(e => new UserDocument(e.Message.UserId, e.Message.Email, e.Message.Name, e.Message.OrganizationId, e.Message.Roles, e.Message.Status,
            e.Message.OccurredAt, e.Message.OccurredAt))
        .ToList(), context.CancellationToken);
}

internal sealed class UserActivatedProjection(ReadStore<IamDbContext> store, IamDbContext db) : IConsumer<Batch<UserActivated>>
{
    public Task Consume(ConsumeContext<Batch<UserActivated>> context) => UserProjection.ApplyAsync(store, db, context.Message
        .Select(e => new UserDocument(e.Message.UserId, e.Message.Email, e.Message.Name, e.Message.OrganizationId, e.Message.Roles, "Active",
            e.Message.OccurredAt, e.Message.OccurredAt))
        .ToList(), context.CancellationToken);
}

internal sealed class UserDisabledProjection(ReadStore<IamDbContext> store, IamDbContext db) : IConsumer<Batch<UserDisabled>>
{
    public Task Consume(ConsumeContext<Batch<UserDisabled>> context) => UserProjection.ApplyAsync(store, db, context.Message
        .Select(e => new UserDocument(e.Message.UserId, e.Message.Email, e.Message.Name, e.Message.OrganizationId, e.Message.Roles, "Disabled",
            e.Message.OccurredAt, e.Message.OccurredAt))
        .ToList(), context.CancellationToken);
}

/// <summary>What the three user projections share: the newest state wins (see <see cref="UserDocument.Apply"/>).</summary>
internal static class UserProjection
{
    public static Task ApplyAsync(ReadStore<IamDbContext> store, IamDbContext db, IReadOnlyCollection<UserDocument> states, CancellationToken cancellationToken) =>
        store.ApplyAsync<IamDbContext, UserDocument, UserDocument>(db, states, user => user.Id, (_, current, next) => UserDocument.Apply(current, next), cancellationToken);
}
