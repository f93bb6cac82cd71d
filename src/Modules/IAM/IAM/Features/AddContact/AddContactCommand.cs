using Modular.BuildingBlocks.Application.Messaging;

namespace Modular.IAM.Features.AddContact;

/// <summary>A billing recipient of an organization; the first contact, or one marked primary, becomes the primary one.</summary>
internal sealed record AddContactCommand(Guid OrganizationId, string Name, string Email, bool IsPrimary) : ICommand<ContactResponse>;
