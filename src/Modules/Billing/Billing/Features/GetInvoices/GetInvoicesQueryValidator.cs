using FluentValidation;
using Modular.Billing.Domain;

namespace Modular.Billing.Features.GetInvoices;

internal sealed class GetInvoicesQueryValidator : AbstractValidator<GetInvoicesQuery>
{
    public GetInvoicesQueryValidator()
    {
        RuleFor(query => query.Month).IsBillingMonth().When(query => query.Month is not null);
        RuleFor(query => query.Status).IsEnumName(typeof(InvoiceStatus), caseSensitive: true).When(query => query.Status is not null)
            .WithErrorCode("unknown_value");
        RuleFor(query => query.MaxTotal).GreaterThanOrEqualTo(query => query.MinTotal).When(query => query.MinTotal is not null && query.MaxTotal is not null);
    }
}
