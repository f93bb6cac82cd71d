using MediatR;
using Microsoft.Extensions.Options;
using Modular.BuildingBlocks.Application.Security;
using Modular.IAM.Domain;
using Modular.IAM.Infrastructure;

namespace Modular.IAM.Features.CreateUser;

internal sealed class CreateUserCommandHandler(IamDbContext db, ICurrentUser user, IOptions<IamOptions> options, TimeProvider clock)
    : IRequestHandler<CreateUserCommand, UserResponse>
{
    public async Task<UserResponse> Handle(CreateUserCommand command, CancellationToken cancellationToken)
    {
        var organization = await db.ManagedAsync(user, command.OrganizationId, command.Roles, cancellationToken);
        var created = User.Register(command.Email, command.Name, organization.Id, command.Roles,
            Password.Create(command.Password, options.Value.PasswordIterations), clock.GetUtcNow().UtcDateTime);
        db.Users.Add(created);
        db.Publish(UserEvents.Registered(created));
        return UserResponse.From(created);
    }
}
