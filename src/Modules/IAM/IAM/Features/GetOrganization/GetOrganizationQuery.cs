using Modular.BuildingBlocks.Application.Messaging;

namespace Modular.IAM.Features.GetOrganization;

internal sealed record GetOrganizationQuery(Guid OrganizationId) : IQuery<OrganizationResponse>;
