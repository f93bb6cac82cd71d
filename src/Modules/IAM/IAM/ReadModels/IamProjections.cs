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

internal sealed class UserRegisteredProjection(ReadStore<IamDbContext> store, IamDbContext db) : IConsumer<UserRegistered>
{
    public Task Consume(ConsumeContext<UserRegistered> context)
    {
        var user = context.Message;
        return UserProjection.ApplyAsync(store, db,
            new UserDocument(user.UserId, user.Email, user.Name, user.OrganizationId, user.Roles, user.Status, user.OccurredAt, user.OccurredAt),
            context.CancellationToken);
    }
}

internal sealed class UserActivatedProjection(ReadStore<IamDbContext> store, IamDbContext db) : IConsumer<UserActivated>
{
    public Task Consume(ConsumeContext<UserActivated> context)
    {
        var user = context.Message;
        return UserProjection.ApplyAsync(store, db,
            new UserDocument(user.UserId, user.Email, user.Name, user.OrganizationId, user.Roles, "Active", user.OccurredAt, user.OccurredAt),
            context.CancellationToken);
    }
}

internal sealed class UserDisabledProjection(ReadStore<IamDbContext> store, IamDbContext db) : IConsumer<UserDisabled>
{
    public Task Consume(ConsumeContext<UserDisabled> context)
    {
        var user = context.Message;
        return UserProjection.ApplyAsync(store, db,
            new UserDocument(user.UserId, user.Email, user.Name, user.OrganizationId, user.Roles, "Disabled", user.OccurredAt, user.OccurredAt),
            context.CancellationToken);
    }
}

/// <summary>What the three user projections share: the newest state wins (see <see cref="UserDocument.Apply"/>).</summary>
internal static class UserProjection
{
    public static Task ApplyAsync(ReadStore<IamDbContext> store, IamDbContext db, UserDocument state, CancellationToken cancellationToken) =>
        store.ApplyAsync<IamDbContext, UserDocument, UserDocument>(db, [state], user => user.Id, (_, current, next) => UserDocument.Apply(current, next), cancellationToken);
}
