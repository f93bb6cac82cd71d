using FluentValidation;

namespace Modular.Acquisition.Features.CloseAcquiringError;

internal sealed class CloseAcquiringErrorCommandValidator : AbstractValidator<CloseAcquiringErrorCommand>
{
    public CloseAcquiringErrorCommandValidator()
    {
        RuleFor(command => command.Status).NotEmpty().Must(status => status is "Resolved" or "Abandoned").WithMessage("Status is Resolved or Abandoned.");
        RuleFor(command => command.Note).NotEmpty().MaximumLength(2_000);
    }
}
