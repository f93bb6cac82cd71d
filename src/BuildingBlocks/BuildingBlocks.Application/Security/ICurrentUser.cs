namespace Modular.BuildingBlocks.Application.Security;

/// <summary>Who is calling, as proven by the access token. Query handlers use it to scope what a caller may see.</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }

    /// <summary>The caller's user id; throws when the request is anonymous.</summary>
    Guid UserId { get; }

    /// <summary>The organization the caller belongs to; null for customers and anonymous callers.</summary>
    Guid? OrganizationId { get; }

    IReadOnlySet<string> Roles { get; }
}
