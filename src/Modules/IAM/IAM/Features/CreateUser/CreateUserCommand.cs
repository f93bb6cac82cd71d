using Modular.BuildingBlocks.Application.Messaging;

namespace Modular.IAM.Features.CreateUser;

/// <summary>An admin creates an Active user of an organization with an initial password it hands over out of band.</summary>
internal sealed record CreateUserCommand(Guid OrganizationId, string Email, string Name, IReadOnlyList<string> Roles, string Password) : ICommand<UserResponse>;
