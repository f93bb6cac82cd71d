using Modular.BuildingBlocks.Application.Messaging;
using Modular.BuildingBlocks.Application.Paging;
using Modular.Funding.Features.GetProject;

namespace Modular.Funding.Features.SearchProjects;

internal sealed record SearchProjectsQuery(
    string? Status, Guid? OrganizationId, DateTime? DeadlineFrom, DateTime? DeadlineTo, Guid? Before, int Limit) : IQuery<KeysetPage<ProjectPage>>;
