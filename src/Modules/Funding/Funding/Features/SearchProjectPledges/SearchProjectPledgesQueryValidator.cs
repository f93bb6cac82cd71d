using FluentValidation;
using Modular.Funding.Infrastructure;

namespace Modular.Funding.Features.SearchProjectPledges;

internal sealed class SearchProjectPledgesQueryValidator : AbstractValidator<SearchProjectPledgesQuery>
{
    private static readonly string[] Statuses = [PledgeRows.Pending, PledgeRows.Completed, PledgeRows.Failed, PledgeRows.Cancelled, PledgeRows.Refunded];

    public SearchProjectPledgesQueryValidator() =>
        RuleFor(query => query.Status).Must(status => Statuses.Contains(status)).When(query => query.Status is not null)
            .WithMessage($"Status is one of {string.Join(", ", Statuses)}.");
}
