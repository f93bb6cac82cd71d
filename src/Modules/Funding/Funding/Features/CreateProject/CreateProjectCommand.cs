using Modular.BuildingBlocks.Application.Messaging;

namespace Modular.Funding.Features.CreateProject;

/// <summary>OrganizationId is required from a PlatformAdmin; a MerchantAdmin always creates in its own organization.</summary>
internal sealed record CreateProjectCommand(
    Guid? OrganizationId, Guid MerchantId, string Title, long Goal, DateTime StartsAt, DateTime Deadline, IReadOnlyList<TierRequest>? Tiers)
    : ICommand<ProjectResponse>, IProjectTerms;
