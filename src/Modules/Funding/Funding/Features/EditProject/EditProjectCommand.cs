using Modular.BuildingBlocks.Application.Messaging;

namespace Modular.Funding.Features.EditProject;

/// <summary>Replaces a Draft project's terms and tiers (no pledge can exist yet).</summary>
internal sealed record EditProjectCommand(
    Guid ProjectId, string Title, long Goal, DateTime StartsAt, DateTime Deadline, IReadOnlyList<TierRequest>? Tiers)
    : ICommand<ProjectResponse>, IProjectTerms;
