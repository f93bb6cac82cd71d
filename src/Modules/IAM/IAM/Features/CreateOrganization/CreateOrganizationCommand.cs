using Modular.BuildingBlocks.Application.Messaging;
using Modular.IAM.Domain;

namespace Modular.IAM.Features.CreateOrganization;

internal sealed record CreateOrganizationCommand(OrganizationKind Kind, string Name, string RegistrationNumber) : ICommand<OrganizationResponse>;
