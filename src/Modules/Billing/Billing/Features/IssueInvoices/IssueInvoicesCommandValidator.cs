using FluentValidation;

namespace Modular.Billing.Features.IssueInvoices;

internal sealed class IssueInvoicesCommandValidator : AbstractValidator<IssueInvoicesCommand>
{
    public IssueInvoicesCommandValidator()
    {
        RuleFor(command => command.Month).IsBillingMonth();
        RuleFor(command => command.InvoiceIds!.Count).LessThanOrEqualTo(IssueInvoicesCommand.MaxIds).When(command => command.InvoiceIds is not null)
            .OverridePropertyName(nameof(IssueInvoicesCommand.InvoiceIds));
    }
}
