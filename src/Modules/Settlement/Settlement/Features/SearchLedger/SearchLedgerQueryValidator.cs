using FluentValidation;

namespace Modular.Settlement.Features.SearchLedger;

internal sealed class SearchLedgerQueryValidator : AbstractValidator<SearchLedgerQuery>
{
    public SearchLedgerQueryValidator() => RuleFor(query => query.Filter).SetValidator(new LedgerFilterInputValidator());
}
