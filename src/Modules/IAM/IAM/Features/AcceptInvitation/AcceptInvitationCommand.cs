using Modular.BuildingBlocks.Application.Messaging;

namespace Modular.IAM.Features.AcceptInvitation;

/// <summary>The invitee proves the e-mailed token, chooses a password and may give a display name.</summary>
internal sealed record AcceptInvitationCommand(string Token, string Password, string? Name) : ICommand<UserResponse>;
