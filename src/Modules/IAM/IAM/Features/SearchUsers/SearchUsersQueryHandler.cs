using Marten;
using MediatR;
using Modular.BuildingBlocks.Application.Paging;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Infrastructure.ReadModels;
using Modular.IAM.Domain;
using Modular.IAM.Infrastructure;
using Modular.IAM.ReadModels;

namespace Modular.IAM.Features.SearchUsers;

/// <summary>
/// A merchant admin's search is pinned to its own organization (users_by_organization), whatever it asks for;
/// operators may filter by organization or search all. E-mail prefix uses users_by_email, role users_by_role.
/// </summary>
internal sealed class SearchUsersQueryHandler(ReadStore<IamDbContext> store, ICurrentUser user) : IRequestHandler<SearchUsersQuery, KeysetPage<UserSummary>>
{
    public async Task<KeysetPage<UserSummary>> Handle(SearchUsersQuery query, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var users = session.Query<UserDocument>().AsQueryable();
        if (user.VisibleOrganization() is { } visible)
        {
            users = users.Where(candidate => candidate.OrganizationId == visible);
        }

        if (query.OrganizationId is { } organizationId)
        {
            users = users.Where(candidate => candidate.OrganizationId == organizationId);
        }

        if (query.Status is { } status)
        {
            users = users.Where(candidate => candidate.Status == status);
        }

        if (query.Role is { } role)
        {
            users = users.Where(candidate => candidate.Roles.Contains(role));
        }

        if (!string.IsNullOrWhiteSpace(query.EmailPrefix))
        {
            var prefix = EmailAddress.Normalize(query.EmailPrefix);
            users = users.Where(candidate => candidate.Email.StartsWith(prefix));
        }

        return await users.ToNewestFirstPageAsync(query.Before, query.Limit, candidate =>
            new UserSummary(candidate.Id, candidate.Email, candidate.Name, candidate.OrganizationId, candidate.Roles, candidate.Status,
                candidate.CreatedAt.UtcDateTime), cancellationToken);
    }
}
