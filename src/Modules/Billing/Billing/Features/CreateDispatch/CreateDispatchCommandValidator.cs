using FluentValidation;

namespace Modular.Billing.Features.CreateDispatch;

internal sealed class CreateDispatchCommandValidator : AbstractValidator<CreateDispatchCommand>
{
    public CreateDispatchCommandValidator()
    {
        RuleFor(command => command).Must(command => (command.InvoiceIds is null) != (command.Filter is null))
            .WithErrorCode("required").WithMessage("Give either invoiceIds or a filter, not both.").OverridePropertyName("invoiceIds");
        RuleFor(command => command.InvoiceIds!.Count).InclusiveBetween(1, CreateDispatchCommand.MaxInvoices)
            .When(command => command.InvoiceIds is not null).OverridePropertyName("invoiceIds");
        RuleFor(command => command.Filter!.Month).IsBillingMonth().When(command => command.Filter is not null).OverridePropertyName("filter.month");
        RuleFor(command => command.Filter!.Status).Must(status => status is null or "Issued" or "SendFailed")
            .When(command => command.Filter is not null).WithErrorCode("unknown_value").WithMessage("A dispatch mails Issued or SendFailed invoices.")
            .OverridePropertyName("filter.status");
    }
}
