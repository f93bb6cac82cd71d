using Modular.BuildingBlocks.Infrastructure.ReadModels;
using Modular.Funding.Contracts;

namespace Modular.Funding.ReadModels;

/// <summary>
/// A project page: its terms (the highest <see cref="Version"/> of ProjectChanged wins) and live totals. The totals are
/// increments derived from each pledge transition, which the inbox applies once and which commute, so any arrival order
/// (a pledge's Completed before its Pending, both before the project itself) converges on the same figures.
/// Until its ProjectChanged arrives the document has no <see cref="Deadline"/> and no list shows it.
/// </summary>
internal sealed class ProjectDocument : IReadDocument
{
    public Guid Id { get; init; }
    public Guid OrganizationId { get; set; }
    public Guid MerchantId { get; set; }
    public string Title { get; set; } = "";
    public long Goal { get; set; }
    public DateTimeOffset? StartsAt { get; set; }
    public DateTimeOffset? Deadline { get; set; }
    public string Status { get; set; } = "";
    public int Version { get; set; }
    public long Raised { get; set; }
    public int Backers { get; set; }
    public List<TierView> Tiers { get; set; } = [];

    public static ProjectDocument Empty(Guid id) => new() { Id = id };

    public ProjectDocument Changed(ProjectChanged change)
    {
        if (change.Version <= Version)
        {
            return this;
        }

        (OrganizationId, MerchantId, Title, Goal, StartsAt, Deadline, Status, Version) =
            (change.OrganizationId, change.MerchantId, change.Title, change.Goal, change.StartsAt, change.Deadline, change.Status, change.Version);
        var counted = Tiers.ToDictionary(tier => tier.Id);
        Tiers = change.Tiers.Select(tier => (counted.GetValueOrDefault(tier.TierId) ?? new TierView { Id = tier.TierId }) with
        {
            Name = tier.Name, Price = tier.Price, Quantity = tier.Quantity, Listed = true,
        }).ToList();
        // Counts for tiers a newer version no longer lists (a draft's edit) are kept aside, unlisted.
        Tiers.AddRange(counted.Values.Where(tier => change.Tiers.All(listed => listed.TierId != tier.Id)).Select(tier => tier with { Listed = false }));
        return this;
    }

    public ProjectDocument Pledged(PledgeChanged change)
    {
        var (reserved, backers) = (change.PreviousStatus, change.Status) switch
        {
            (null, "Pending") => (1, 0),
            ("Pending", "Completed") => (0, 1),
            ("Pending", _) => (-1, 0),
            ("Completed", _) => (-1, -1),
            _ => (0, 0),
        };
        Raised = checked(Raised + backers * change.Amount);
        Backers += backers;
        if (change.TierId is { } tierId)
        {
            var index = Tiers.FindIndex(tier => tier.Id == tierId);
            if (index < 0)
            {
                Tiers.Add(new TierView { Id = tierId });
                index = Tiers.Count - 1;
            }

            Tiers[index] = Tiers[index] with { Reserved = Tiers[index].Reserved + reserved, Backers = Tiers[index].Backers + backers };
        }

        return this;
    }
}

/// <summary>A reward tier with what is reserved (pending or completed pledges) and how many backers completed it.</summary>
internal sealed record TierView
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public long Price { get; init; }
    public int? Quantity { get; init; }
    public int Reserved { get; init; }
    public int Backers { get; init; }
    public bool Listed { get; init; }
}
