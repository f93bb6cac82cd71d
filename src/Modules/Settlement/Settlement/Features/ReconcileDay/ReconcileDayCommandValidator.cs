using FluentValidation;

namespace Modular.Settlement.Features.ReconcileDay;

internal sealed class ReconcileDayCommandValidator : AbstractValidator<ReconcileDayCommand>
{
    public ReconcileDayCommandValidator(TimeProvider clock) =>
        RuleFor(command => command.Day)
            .GreaterThan(new DateOnly(2000, 1, 1)).WithMessage("day must be after 2000-01-01.")
            .Must(day => day <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).WithMessage("day must not be in the future.");
}
