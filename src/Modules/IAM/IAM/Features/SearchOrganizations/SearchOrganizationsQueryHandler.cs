using Marten;
using MediatR;
using Modular.BuildingBlocks.Application.Paging;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Infrastructure.ReadModels;
using Modular.IAM.Infrastructure;
using Modular.IAM.ReadModels;

namespace Modular.IAM.Features.SearchOrganizations;

/// <summary>Operators list every organization (organizations_by_kind for the kind filter); a merchant sees only its own (the primary key).</summary>
internal sealed class SearchOrganizationsQueryHandler(ReadStore<IamDbContext> store, ICurrentUser user)
    : IRequestHandler<SearchOrganizationsQuery, KeysetPage<OrganizationSummary>>
{
    public async Task<KeysetPage<OrganizationSummary>> Handle(SearchOrganizationsQuery query, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var organizations = session.Query<OrganizationDocument>().AsQueryable();
        if (user.VisibleOrganization() is { } organizationId)
        {
            organizations = organizations.Where(organization => organization.Id == organizationId);
        }

        if (query.Kind is { } kind)
        {
            organizations = organizations.Where(organization => organization.Kind == kind);
        }

        if (query.Status is { } status)
        {
            organizations = organizations.Where(organization => organization.Status == status);
        }

        return await organizations.ToNewestFirstPageAsync(query.Before, query.Limit, organization =>
            new OrganizationSummary(organization.Id, organization.Kind, organization.Name, organization.RegistrationNumber, organization.Status,
                organization.CreatedAt.UtcDateTime), cancellationToken);
    }
}
