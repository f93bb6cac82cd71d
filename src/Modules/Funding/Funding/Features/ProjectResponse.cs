using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Domain.Errors;
using Modular.Funding.Contracts;
using Modular.Funding.Domain;

namespace Modular.Funding.Features;

/// <summary>The write side's answer to a project command (the project page itself is the read side's).</summary>
internal sealed record ProjectResponse(
    Guid Id, Guid OrganizationId, Guid MerchantId, string Title, long Goal, DateTime StartsAt, DateTime Deadline, string Status,
    IReadOnlyList<TierResponse> Tiers)
{
    public static ProjectResponse From(Project project) => new(
        project.Id, project.OrganizationId, project.MerchantId, project.Title, project.Goal, project.StartsAt, project.Deadline,
        project.Status.ToString(), project.Tiers.Select(tier => new TierResponse(tier.Id, tier.Name, tier.Price, tier.Quantity)).ToList());

    /// <summary>Also the answer for another organization's project, so its existence does not leak.</summary>
    public static DomainException NotFound(Guid projectId) => new(Error.NotFound("funding.project_not_found", $"Project {projectId} was not found."));

    /// <summary>A merchant admin manages its own organization's projects; a platform admin manages all.</summary>
    public static void EnsureManagedBy(Project? project, Guid projectId, ICurrentUser user)
    {
        if (project is null || !(user.IsInRole(Roles.PlatformAdmin) || project.OrganizationId == user.OrganizationId))
        {
            throw NotFound(projectId);
        }
    }
}

internal sealed record TierResponse(Guid Id, string Name, long Price, int? Quantity);

internal sealed record TierRequest(string? Name, long Price, int? Quantity);

internal static class ProjectMessages
{
    public static ProjectChanged ChangedOf(Project project) => new(
        project.Id, project.OrganizationId, project.MerchantId, project.Title, project.Goal,
        new DateTimeOffset(project.StartsAt, TimeSpan.Zero), new DateTimeOffset(project.Deadline, TimeSpan.Zero), project.Status.ToString(),
        project.Tiers.Select(tier => new ProjectTier(tier.Id, tier.Name, tier.Price, tier.Quantity)).ToList(), project.Version);

    public static IReadOnlyList<RewardTierSpec> SpecsOf(IReadOnlyList<TierRequest>? tiers) =>
        (tiers ?? []).Select(tier => new RewardTierSpec(tier.Name ?? "", tier.Price, tier.Quantity)).ToList();
}
