using Modular.BuildingBlocks.Application.Messaging;

namespace Modular.IAM.Features.GetUser;

internal sealed record GetUserQuery(Guid UserId) : IQuery<UserResponse>;
