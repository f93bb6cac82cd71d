using MediatR;
using Microsoft.EntityFrameworkCore;
using Modular.BuildingBlocks.Application.Security;
using Modular.IAM.Infrastructure;

namespace Modular.IAM.Features.GetUser;

/// <summary>
/// Everyone reads itself; operators read anyone; a merchant admin the users of its own organization (as in the users
/// list). Any other user is "not found". Read from the write model, so a created user's Location answers at once.
/// </summary>
internal sealed class GetUserQueryHandler(IamDbContext db, ICurrentUser user) : IRequestHandler<GetUserQuery, UserResponse>
{
    public async Task<UserResponse> Handle(GetUserQuery query, CancellationToken cancellationToken)
    {
        var target = await db.Users.SingleOrDefaultAsync(candidate => candidate.Id == query.UserId, cancellationToken);
        var mayRead = target is not null
            && (target.Id == user.UserId
                || user.IsOperator()
                || (user.IsInRole(Roles.MerchantAdmin) && target.OrganizationId is { } organization && organization == user.OrganizationId));
        return mayRead ? UserResponse.From(target!) : throw IamErrors.UserNotFound(query.UserId);
    }
}
