using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Modular.BuildingBlocks.Web.Security;
using Modular.IAM.Domain;
using Modular.IAM.Infrastructure;

namespace Modular.IAM.Features.IssueToken;

/// <summary>
/// Returns null instead of throwing on a refused login: the command's transaction must commit the failure count
/// (a thrown error would roll it back and make the throttle useless).
/// </summary>
internal sealed class IssueTokenCommandHandler(IamDbContext db, AccessTokenIssuer issuer, IOptions<IamOptions> options, TimeProvider clock)
    : IRequestHandler<IssueTokenCommand, AccessToken?>
{
    public async Task<AccessToken?> Handle(IssueTokenCommand command, CancellationToken cancellationToken)
    {
        var email = EmailAddress.Normalize(command.Email);
        // The row lock serializes concurrent attempts on one account, so parallel guesses cannot outrun the counter.
        var user = await db.Users.FromSql($"SELECT * FROM iam.users WHERE email = {email} FOR UPDATE")
            .AsTracking()
            .SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            Password.SpendVerificationTime(command.Password);
            return null;
        }

        return user.TryLogin(command.Password, clock.GetUtcNow().UtcDateTime, options.Value.Throttle)
            ? issuer.Issue(user.Id, user.OrganizationId, user.Email, user.Roles)
            : null;
    }
}
