using MediatR;
using Microsoft.EntityFrameworkCore;
using Modular.BuildingBlocks.Application.Security;
using Modular.IAM.Infrastructure;

namespace Modular.IAM.Features.AddContact;

internal sealed class AddContactCommandHandler(IamDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<AddContactCommand, ContactResponse>
{
    public async Task<ContactResponse> Handle(AddContactCommand command, CancellationToken cancellationToken)
    {
        if (!user.CanSee(command.OrganizationId))
        {
            throw IamErrors.OrganizationNotFound(command.OrganizationId);
        }

        // The row lock serializes contact changes of one organization, so two concurrent "primary" contacts cannot
        // both demote the old one and then collide on the one-primary index.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"SELECT 1 FROM iam.organizations WHERE id = {command.OrganizationId} FOR UPDATE", cancellationToken);
        var organization = await db.Organizations.AsTracking().Include(o => o.Contacts)
            .SingleOrDefaultAsync(o => o.Id == command.OrganizationId, cancellationToken)
            ?? throw IamErrors.OrganizationNotFound(command.OrganizationId);
        var contact = organization.AddContact(command.Name, command.Email, command.IsPrimary, clock.GetUtcNow().UtcDateTime);
        // Demotions are written before the new primary, or the one-primary index would refuse the insert.
        await db.SaveChangesAsync(cancellationToken);
        return ContactResponse.From(contact);
    }
}
