using FluentValidation;
using Modular.Ordering.Domain;

namespace Modular.Ordering.Features.SearchProducts;

internal sealed class SearchProductsQueryValidator : AbstractValidator<SearchProductsQuery>
{
    public SearchProductsQueryValidator()
    {
        RuleFor(query => query.Status).IsEnumName(typeof(ProductStatus), caseSensitive: false);
        RuleFor(query => query.NamePrefix).MaximumLength(200);
    }
}
