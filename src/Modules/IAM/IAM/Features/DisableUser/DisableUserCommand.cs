using Modular.BuildingBlocks.Application.Messaging;

namespace Modular.IAM.Features.DisableUser;

internal sealed record DisableUserCommand(Guid UserId) : ICommand<UserResponse>;
