using Modular.BuildingBlocks.Domain.Errors;

namespace Modular.Funding.Domain;

/// <summary>
/// A crowdfunding project of a merchant organization. Draft (editable) → Open (pledges taken until the deadline) →
/// Succeeded or Failed once the deadline has passed, judged by whether the goal was reached. Every change raises
/// <see cref="Version"/>, which the read side uses to keep the latest state.
/// </summary>
internal sealed class Project
{
    private readonly List<RewardTier> _tiers = [];

    private Project()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public Guid MerchantId { get; private set; }
    public string Title { get; private set; } = "";
    public long Goal { get; private set; }
    public DateTime StartsAt { get; private set; }
    public DateTime Deadline { get; private set; }
    public ProjectStatus Status { get; private set; }
    public int Version { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    // In the order the merchant listed them: EF loads an owned collection in whatever order the database returns.
    public IReadOnlyList<RewardTier> Tiers => [.. _tiers.OrderBy(tier => tier.Position)];

    public static Project Create(
        Guid organizationId, Guid merchantId, string title, long goal, DateTime startsAt, DateTime deadline, IReadOnlyList<RewardTierSpec> tiers, DateTime now)
    {
        var project = new Project
        {
            Id = Guid.CreateVersion7(),
            OrganizationId = organizationId,
            MerchantId = merchantId,
            Status = ProjectStatus.Draft,
            CreatedAt = now,
        };
        project.Apply(title, goal, startsAt, deadline, tiers, now);
        return project;
    }

    /// <summary>Only a Draft may change: once open, backers pledged to these terms.</summary>
    public void Edit(string title, long goal, DateTime startsAt, DateTime deadline, IReadOnlyList<RewardTierSpec> tiers, DateTime now)
    {
        EnsureStatus(ProjectStatus.Draft, "edited");
        Apply(title, goal, startsAt, deadline, tiers, now);
    }

    public void Open(DateTime now)
    {
        EnsureStatus(ProjectStatus.Draft, "opened");
        if (Deadline <= now)
        {
            throw new DomainException(Error.Unprocessable("funding.deadline_passed", "A project whose deadline has passed cannot open."));
        }

        Status = ProjectStatus.Open;
        Touch(now);
    }

    /// <summary>Whether a pledge may be taken at <paramref name="now"/>.</summary>
    public bool TakesPledgesAt(DateTime now) => Status == ProjectStatus.Open && now >= StartsAt && now < Deadline;

    /// <summary>At the deadline the project closes: Succeeded when what was raised reaches the goal, else Failed.</summary>
    public void Close(long raised, DateTime now)
    {
        EnsureStatus(ProjectStatus.Open, "closed");
        if (now < Deadline)
        {
            throw new DomainException(Error.Conflict("funding.deadline_not_reached", "A project closes only once its deadline has passed."));
        }

        Status = raised >= Goal ? ProjectStatus.Succeeded : ProjectStatus.Failed;
        Touch(now);
    }

    private void Apply(string title, long goal, DateTime startsAt, DateTime deadline, IReadOnlyList<RewardTierSpec> tiers, DateTime now)
    {
        if (goal <= 0)
        {
            throw new DomainException(Error.Unprocessable("funding.invalid_goal", "A goal must be positive."));
        }

        if (goal > FundingLimits.MaxGoal)
        {
            throw FundingLimits.Exceeded("goal", FundingLimits.MaxGoal);
        }

        if (deadline <= startsAt)
        {
            throw new DomainException(Error.Unprocessable("funding.invalid_period", "The deadline must come after the start."));
        }

        if (tiers.Count > FundingLimits.MaxTiers)
        {
            throw FundingLimits.Exceeded("tiers", FundingLimits.MaxTiers);
        }

        foreach (var tier in tiers)
        {
            if (tier.Price is <= 0 or > FundingLimits.MaxPrice)
            {
                throw FundingLimits.Exceeded("tiers.price", FundingLimits.MaxPrice);
            }

            if (tier.Quantity is <= 0 or > FundingLimits.MaxQuantity)
            {
                throw FundingLimits.Exceeded("tiers.quantity", FundingLimits.MaxQuantity);
            }
        }

        Title = title;
        Goal = goal;
        StartsAt = startsAt;
        Deadline = deadline;
        _tiers.Clear();
        _tiers.AddRange(tiers.Select((tier, index) => RewardTier.Create(index, tier.Name, tier.Price, tier.Quantity)));
        Touch(now);
    }

    private void EnsureStatus(ProjectStatus expected, string action)
    {
        if (Status != expected)
        {
            throw new DomainException(Error.Conflict("funding.invalid_status", $"A project that is {Status} cannot be {action}."));
        }
    }

    private void Touch(DateTime now)
    {
        UpdatedAt = now;
        Version++;
    }
}
