using MediatR;
using Microsoft.Extensions.Options;
using Modular.BuildingBlocks.Application.Security;
using Modular.IAM.Domain;
using Modular.IAM.Infrastructure;

namespace Modular.IAM.Features.RegisterCustomer;

internal sealed class RegisterCustomerCommandHandler(IamDbContext db, IOptions<IamOptions> options, TimeProvider clock)
    : IRequestHandler<RegisterCustomerCommand, UserResponse>
{
    public Task<UserResponse> Handle(RegisterCustomerCommand command, CancellationToken cancellationToken)
    {
        var user = User.Register(command.Email, command.Name, organizationId: null, [Roles.Customer],
            Password.Create(command.Password, options.Value.PasswordIterations), clock.GetUtcNow().UtcDateTime);
        db.Users.Add(user);
        db.Publish(UserEvents.Registered(user));
        return Task.FromResult(UserResponse.From(user));
    }
}
