using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Modular.IAM.Domain;
using Modular.IAM.Infrastructure;

namespace Modular.IAM.Features.AcceptInvitation;

internal sealed class AcceptInvitationCommandHandler(IamDbContext db, IOptions<IamOptions> options, IamMetrics metrics, TimeProvider clock)
    : IRequestHandler<AcceptInvitationCommand, UserResponse>
{
    public async Task<UserResponse> Handle(AcceptInvitationCommand command, CancellationToken cancellationToken)
    {
        var hash = InvitationToken.HashOf(command.Token);
        // The row lock makes two concurrent acceptances of one token serialize: the second finds it consumed.
        var user = await db.Users.FromSql($"SELECT * FROM iam.users WHERE invitation_token_hash = {hash} FOR UPDATE")
            .AsTracking()
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw InvitationErrors.Invalid();
        user.AcceptInvitation(Password.Create(command.Password, options.Value.PasswordIterations), command.Name,
            clock.GetUtcNow().UtcDateTime, options.Value.InvitationLifetime);
        db.Publish(UserEvents.Activated(user));
        metrics.Accepted();
        return UserResponse.From(user);
    }
}
