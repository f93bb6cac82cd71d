using FluentValidation;
using Modular.Funding.Domain;

namespace Modular.Funding.Features;

/// <summary>A project's terms, as created and as edited.</summary>
internal interface IProjectTerms
{
    string Title { get; }
    long Goal { get; }
    DateTime StartsAt { get; }
    DateTime Deadline { get; }
    IReadOnlyList<TierRequest>? Tiers { get; }
}

/// <summary>The field rules create and edit share (the domain type re-checks its invariants).</summary>
internal sealed class ProjectTermsValidator : AbstractValidator<IProjectTerms>
{
    public ProjectTermsValidator()
    {
        RuleFor(terms => terms.Title).NotEmpty().MaximumLength(200);
        RuleFor(terms => terms.Goal).InclusiveBetween(1, FundingLimits.MaxGoal);
        RuleFor(terms => terms.Deadline).GreaterThan(terms => terms.StartsAt);
        RuleFor(terms => terms.Tiers).Must(tiers => tiers is null || tiers.Count <= FundingLimits.MaxTiers)
            .WithMessage($"A project has at most {FundingLimits.MaxTiers} tiers.");
        RuleForEach(terms => terms.Tiers).ChildRules(tier =>
        {
            tier.RuleFor(t => t.Name).NotEmpty().MaximumLength(200);
            tier.RuleFor(t => t.Price).InclusiveBetween(1, FundingLimits.MaxPrice);
            tier.RuleFor(t => t.Quantity).InclusiveBetween(1, FundingLimits.MaxQuantity).When(t => t.Quantity is not null);
        });
    }
}
