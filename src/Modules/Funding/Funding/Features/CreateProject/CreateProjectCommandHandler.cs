using MediatR;
using Modular.Acquisition.Contracts;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Domain.Errors;
using Modular.Funding.Domain;
using Modular.Funding.Infrastructure;
using Modular.IAM.Contracts;

namespace Modular.Funding.Features.CreateProject;

internal sealed class CreateProjectCommandHandler(FundingDbContext db, ICurrentUser user, IMediator mediator, TimeProvider clock)
    : IRequestHandler<CreateProjectCommand, ProjectResponse>
{
    public async Task<ProjectResponse> Handle(CreateProjectCommand command, CancellationToken cancellationToken)
    {
        var organizationId = user.IsInRole(Roles.PlatformAdmin)
            ? command.OrganizationId ?? throw new DomainException(Error.Unprocessable(
                "funding.organization_required", "A platform admin names the organization that owns the project."))
            : user.OrganizationId ?? throw new DomainException(Error.Forbidden("funding.no_organization", "The caller belongs to no organization."));
        // The owner must be an active merchant organization in IAM, and the pledges' payments are authorized on one of
        // its active acquiring merchants. One answer for "absent", "inactive" and "another tenant's", so nothing leaks.
        if (await mediator.Send(new GetOrganizationStanding(organizationId), cancellationToken) is not { Kind: "Merchant", Status: "Active" })
        {
            throw new DomainException(Error.Unprocessable(
                "funding.organization_invalid", $"Organization {organizationId} is not an active merchant organization."));
        }

        if (await mediator.Send(new GetMerchantStanding(command.MerchantId), cancellationToken) is not { Status: "Active" } merchant
            || merchant.OrganizationId != organizationId)
        {
            throw new DomainException(Error.Unprocessable(
                "funding.merchant_invalid", $"Merchant {command.MerchantId} is not an active merchant of organization {organizationId}."));
        }

        var project = Project.Create(
            organizationId, command.MerchantId, command.Title, command.Goal, command.StartsAt.ToUniversalTime(), command.Deadline.ToUniversalTime(),
            ProjectMessages.SpecsOf(command.Tiers), clock.GetUtcNow().UtcDateTime);
        db.Projects.Add(project);
        db.Publish(ProjectMessages.ChangedOf(project));
        return ProjectResponse.From(project);
    }
}
