using FluentValidation;

namespace Modular.Billing.Features.CreateCreditNote;

internal sealed class CreateCreditNoteCommandValidator : AbstractValidator<CreateCreditNoteCommand>
{
    public CreateCreditNoteCommandValidator()
    {
        RuleFor(command => command.Amount).GreaterThan(0);
        RuleFor(command => command.Reason).NotEmpty().MaximumLength(500);
    }
}
