using MediatR;
using Microsoft.EntityFrameworkCore;
using Modular.BuildingBlocks.Domain.Errors;
using Modular.IAM.Contracts;
using Modular.IAM.Infrastructure;

namespace Modular.IAM.Features.GetOrganizationStanding;

/// <summary>One statement by primary key (= ANY) for the whole batch, from the write model like the single lookup.</summary>
internal sealed class GetOrganizationStandingsHandler(IamDbContext db)
    : IRequestHandler<GetOrganizationStandings, IReadOnlyList<OrganizationStanding>>
{
    public async Task<IReadOnlyList<OrganizationStanding>> Handle(GetOrganizationStandings request, CancellationToken cancellationToken)
    {
        var ids = request.OrganizationIds.Distinct().ToArray();
        if (ids.Length > GetOrganizationStandings.MaxIds)
        {
            throw new DomainException(Error.Unprocessable("iam.too_many_ids", $"At most {GetOrganizationStandings.MaxIds} organizations per request."));
        }

        return await db.Organizations.Where(organization => ids.Contains(organization.Id))
            .Select(organization => new OrganizationStanding(organization.Id, organization.Kind.ToString(), organization.Status.ToString()))
            .ToListAsync(cancellationToken);
    }
}
