using FluentValidation;

namespace Modular.Billing.Features.GenerateInvoices;

internal sealed class GenerateInvoicesCommandValidator : AbstractValidator<GenerateInvoicesCommand>
{
    public GenerateInvoicesCommandValidator() => RuleFor(command => command.Month).IsBillingMonth();
}
