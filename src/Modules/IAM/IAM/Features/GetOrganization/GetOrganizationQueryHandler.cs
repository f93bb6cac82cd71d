using MediatR;
using Microsoft.EntityFrameworkCore;
using Modular.BuildingBlocks.Application.Security;
using Modular.IAM.Infrastructure;

namespace Modular.IAM.Features.GetOrganization;

/// <summary>An organization with its contacts; merchant users see only their own (another one is "not found").</summary>
internal sealed class GetOrganizationQueryHandler(IamDbContext db, ICurrentUser user) : IRequestHandler<GetOrganizationQuery, OrganizationResponse>
{
    public async Task<OrganizationResponse> Handle(GetOrganizationQuery query, CancellationToken cancellationToken)
    {
        if (!user.CanSee(query.OrganizationId))
        {
            throw IamErrors.OrganizationNotFound(query.OrganizationId);
        }

        var organization = await db.Organizations.Include(o => o.Contacts)
            .SingleOrDefaultAsync(o => o.Id == query.OrganizationId, cancellationToken)
            ?? throw IamErrors.OrganizationNotFound(query.OrganizationId);
        return OrganizationResponse.From(organization);
    }
}
