using MediatR;
using Modular.IAM.Contracts;
using Modular.IAM.Domain;
using Modular.IAM.Infrastructure;

namespace Modular.IAM.Features.CreateOrganization;

internal sealed class CreateOrganizationCommandHandler(IamDbContext db, TimeProvider clock) : IRequestHandler<CreateOrganizationCommand, OrganizationResponse>
{
    public Task<OrganizationResponse> Handle(CreateOrganizationCommand command, CancellationToken cancellationToken)
    {
        var organization = Organization.Create(command.Kind, command.Name, command.RegistrationNumber, clock.GetUtcNow().UtcDateTime);
        db.Organizations.Add(organization);
        db.Publish(new OrganizationRegistered(
            organization.Id, organization.Kind.ToString(), organization.Name, organization.RegistrationNumber, organization.Status.ToString(), organization.CreatedAt));
        return Task.FromResult(OrganizationResponse.From(organization));
    }
}
