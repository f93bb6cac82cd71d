using MediatR;
using Microsoft.EntityFrameworkCore;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Domain.Errors;
using Modular.IAM.Infrastructure;

namespace Modular.IAM.Features.DisableUser;

/// <summary>A platform admin disables anyone; a merchant admin only users of its own organization (another's is "not found").</summary>
internal sealed class DisableUserCommandHandler(IamDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<DisableUserCommand, UserResponse>
{
    public async Task<UserResponse> Handle(DisableUserCommand command, CancellationToken cancellationToken)
    {
        var target = await db.Users.AsTracking().SingleOrDefaultAsync(u => u.Id == command.UserId, cancellationToken);
        var mayManage = target is not null
            && (user.IsInRole(Roles.PlatformAdmin) || (target.OrganizationId is { } organization && organization == user.OrganizationId));
        if (target is null || !mayManage)
        {
            throw IamErrors.UserNotFound(command.UserId);
        }

        if (target.Id == user.UserId)
        {
            throw new DomainException(Error.Unprocessable("iam.cannot_disable_self", "Users cannot disable themselves."));
        }

        target.Disable(clock.GetUtcNow().UtcDateTime);
        db.Publish(UserEvents.Disabled(target));
        return UserResponse.From(target);
    }
}
