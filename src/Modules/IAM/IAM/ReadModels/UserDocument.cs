using Modular.BuildingBlocks.Infrastructure.ReadModels;

namespace Modular.IAM.ReadModels;

/// <summary>
/// A user as the user list shows it. Every user event carries the whole public state with its time: the newest one wins
/// and the earliest one is the creation time, whatever order they arrive in.
/// </summary>
internal sealed record UserDocument(
    Guid Id, string Email, string Name, Guid? OrganizationId, IReadOnlyList<string> Roles, string Status, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
    : IReadDocument
{
    public static UserDocument Apply(UserDocument? current, UserDocument state)
    {
        if (current is null)
        {
            return state;
        }

        var newest = state.UpdatedAt >= current.UpdatedAt ? state : current;
        return newest with { CreatedAt = current.CreatedAt < state.CreatedAt ? current.CreatedAt : state.CreatedAt };
    }
}
