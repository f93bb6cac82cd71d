using MediatR;
using Microsoft.EntityFrameworkCore;
using Modular.IAM.Contracts;
using Modular.IAM.Infrastructure;

namespace Modular.IAM.Features.GetUserAccess;

/// <summary>Read from the write model: other modules use it to authorize, so it must not lag behind like the read side may.</summary>
internal sealed class GetUserAccessHandler(IamDbContext db) : IRequestHandler<Contracts.GetUserAccess, UserAccess?>
{
    public async Task<UserAccess?> Handle(Contracts.GetUserAccess request, CancellationToken cancellationToken) =>
        await db.Users.Where(user => user.Id == request.UserId)
            .Select(user => new UserAccess(user.Id, user.Email, user.OrganizationId, user.Roles, user.Status.ToString()))
            .SingleOrDefaultAsync(cancellationToken);
}
