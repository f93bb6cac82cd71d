using Modular.BuildingBlocks.Application.Messaging;

namespace Modular.IAM.Features.InviteUsers;

/// <summary>Invites up to 1,000 e-mail addresses into an organization with the given roles; the work runs in the background.</summary>
internal sealed record InviteUsersCommand(Guid OrganizationId, IReadOnlyList<string> Emails, IReadOnlyList<string> Roles) : ICommand<InvitationJobAccepted>;

internal sealed record InvitationJobAccepted(Guid Id, string Status, int Total);
