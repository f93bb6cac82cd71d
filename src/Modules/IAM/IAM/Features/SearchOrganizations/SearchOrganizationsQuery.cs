using Modular.BuildingBlocks.Application.Messaging;
using Modular.BuildingBlocks.Application.Paging;
using Modular.IAM.ReadModels;

namespace Modular.IAM.Features.SearchOrganizations;

internal sealed record SearchOrganizationsQuery(string? Kind, string? Status, Guid? Before, int Limit) : IQuery<KeysetPage<OrganizationSummary>>;

internal sealed record OrganizationSummary(Guid Id, string Kind, string Name, string RegistrationNumber, string Status, DateTime CreatedAt);
