using Modular.BuildingBlocks.Application.Messaging;
using Modular.Funding.ReadModels;

namespace Modular.Funding.Features.GetProject;

internal sealed record GetProjectQuery(Guid ProjectId) : IQuery<ProjectPage>;

/// <summary>The project page: terms, live totals, and per tier what is left (null: unlimited).</summary>
internal sealed record ProjectPage(
    Guid Id, Guid OrganizationId, Guid MerchantId, string Title, long Goal, DateTime StartsAt, DateTime Deadline, string Status,
    long Raised, int Backers, IReadOnlyList<ProjectPageTier> Tiers)
{
    public static ProjectPage From(ProjectDocument project) => new(
        project.Id, project.OrganizationId, project.MerchantId, project.Title, project.Goal, project.StartsAt!.Value.UtcDateTime,
        project.Deadline!.Value.UtcDateTime, project.Status, project.Raised, project.Backers,
        project.Tiers.Where(tier => tier.Listed)
            .Select(tier => new ProjectPageTier(tier.Id, tier.Name, tier.Price, tier.Quantity, tier.Quantity - tier.Reserved, tier.Backers)).ToList());
}

internal sealed record ProjectPageTier(Guid Id, string Name, long Price, int? Quantity, int? Left, int Backers);
