using MediatR;
using Microsoft.EntityFrameworkCore;
using Modular.IAM.Contracts;
using Modular.IAM.Infrastructure;

namespace Modular.IAM.Features.GetOrganizationStanding;

/// <summary>Read from the write model: a reference is checked against what exists now, not what the read side shows yet.</summary>
internal sealed class GetOrganizationStandingHandler(IamDbContext db) : IRequestHandler<Contracts.GetOrganizationStanding, OrganizationStanding?>
{
    public async Task<OrganizationStanding?> Handle(Contracts.GetOrganizationStanding request, CancellationToken cancellationToken) =>
        await db.Organizations.Where(organization => organization.Id == request.OrganizationId)
            .Select(organization => new OrganizationStanding(organization.Id, organization.Kind.ToString(), organization.Status.ToString()))
            .SingleOrDefaultAsync(cancellationToken);
}
